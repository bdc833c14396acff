package org.dixian.cases;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dixian.household.RiskType;

import java.math.BigDecimal;
import java.util.List;

public record NewDeclaration(
        @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String villageCode,
        @Size(max = 20, message = "姓名最长 20 个字") String applicantName,
        @NotEmpty(message = "请至少选择一种风险类型") @Size(max = 13, message = "风险类型最多 13 种") List<@NotNull(message = "风险类型不能为空") RiskType> riskTypes,
        @NotBlank(message = "请说明遇到的困难") @Size(max = 500, message = "情况说明最长 500 个字") String description,
        @DecimalMin(value = "0", message = "金额不能为负数") @DecimalMax(value = "10000000", message = "金额过大") BigDecimal medicalExpense,
        @DecimalMin(value = "0", message = "金额不能为负数") @DecimalMax(value = "10000000", message = "金额过大") BigDecimal incomeLoss,
        @DecimalMin(value = "0", message = "金额不能为负数") @DecimalMax(value = "10000000", message = "金额过大") BigDecimal disasterLoss,
        @NotNull(message = "请填写联系电话") @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "手机号应为 11 位中国大陆手机号") String contactPhone,
        @NotNull(message = "请阅读并同意入户核实") Boolean consent,
        @Size(max = 9, message = "照片最多 9 张") List<@NotNull(message = "照片不能为空") Long> photoIds) {
}
