package org.dixian.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

public record NewHousehold(
        @NotBlank(message = "请填写所在村的区划代码") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String regionCode,
        @Size(max = 100, message = "地址最长 100 个字") String address,
        @NotNull(message = "请选择农户类别") HouseholdCategory category,
        Integer liftedYear,
        Boolean enjoysPolicy,
        MonitoringType monitoringType,
        List<RiskType> riskTypes,
        LocalDate monitoringStart,
        Boolean housingSafe,
        Boolean waterSafe,
        @Pattern(regexp = "^[0-9]{12,25}$", message = "银行账号应为 12 到 25 位数字") String bankAccount,
        @NotNull(message = "请填写户主信息") @Valid NewMember head) {
}
