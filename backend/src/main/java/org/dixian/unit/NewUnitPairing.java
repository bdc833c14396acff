package org.dixian.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

public record NewUnitPairing(
        @NotBlank(message = "请选择结对的村") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String villageCode,
        @NotNull(message = "请填写开始日期") LocalDate startDate) {
}
