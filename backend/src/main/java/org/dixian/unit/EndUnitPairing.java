package org.dixian.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record EndUnitPairing(
        @NotNull(message = "请填写结束日期") LocalDate endDate,
        @NotBlank(message = "请填写结束原因") @Size(max = 200, message = "原因最长 200 个字") String reason) {
}
