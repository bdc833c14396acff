package org.dixian.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record EndTeamMember(
        @NotNull(message = "请填写离队日期") LocalDate endDate,
        @NotBlank(message = "请填写离队原因") @Size(max = 200, message = "离队原因最长 200 个字") String reason) {
}
