package org.dixian.cases;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dixian.household.RiskType;

import java.math.BigDecimal;
import java.util.List;

public record NewVisit(
        @NotNull(message = "缺少版本号，请刷新后重试") Integer version,
        @NotNull(message = "请填写估算的年人均纯收入") @DecimalMin(value = "0", message = "收入不能为负数") @DecimalMax(value = "1000000", message = "收入过大") BigDecimal perCapitaIncome,
        @DecimalMin(value = "0", message = "金额不能为负数") @DecimalMax(value = "10000000", message = "金额过大") BigDecimal bigExpenditure,
        @NotNull(message = "请核实吃穿情况") Boolean foodAndClothing,
        @NotNull(message = "请核实义务教育情况") Boolean education,
        @NotNull(message = "请核实基本医疗情况") Boolean medical,
        @NotNull(message = "请核实住房安全情况") Boolean housing,
        @NotNull(message = "请核实饮水安全情况") Boolean drinkingWater,
        @NotNull(message = "请选择核实确认的风险类型（可为空）") @Size(max = 13, message = "风险类型最多 13 种") List<@NotNull(message = "风险类型不能为空") RiskType> riskTypes,
        @NotBlank(message = "请填写核实情况") @Size(max = 1000, message = "核实情况最长 1000 个字") String findings,
        @NotNull(message = "缺少定位，请开启定位后重试") @DecimalMin(value = "-90", message = "纬度有误") @DecimalMax(value = "90", message = "纬度有误") Double latitude,
        @NotNull(message = "缺少定位，请开启定位后重试") @DecimalMin(value = "-180", message = "经度有误") @DecimalMax(value = "180", message = "经度有误") Double longitude,
        @NotNull(message = "缺少定位精度") @DecimalMin(value = "0", message = "定位精度有误") @DecimalMax(value = "100000", message = "定位精度有误") Double accuracy,
        Long householdId,
        @Size(max = 9, message = "照片最多 9 张") List<@NotNull(message = "照片不能为空") Long> photoIds) {
}
