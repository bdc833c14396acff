package org.dixian.team;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

public record NewResidentTeam(
        @NotNull(message = "请选择村") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String villageCode,
        Long unitId,
        @NotNull(message = "请填写组建日期") LocalDate startDate,
        LocalDate endDate,
        @Min(value = 0, message = "每月应驻村天数不能为负数") @Max(value = 31, message = "每月应驻村天数不能超过 31 天") Integer expectedDaysPerMonth) {
}
