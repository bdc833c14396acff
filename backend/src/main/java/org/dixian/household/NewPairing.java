package org.dixian.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record NewPairing(
        @NotNull(message = "请选择帮扶责任人") Long helperId,
        LocalDate startDate,
        @NotBlank(message = "请填写原因") @Size(max = 200, message = "原因最长 200 个字") String reason) {
}
