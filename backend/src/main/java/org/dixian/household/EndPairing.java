package org.dixian.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record EndPairing(
        LocalDate endDate,
        @NotBlank(message = "请填写原因") @Size(max = 200, message = "原因最长 200 个字") String reason) {
}
