package org.dixian.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record NewLeave(
        @NotNull(message = "请填写请假开始日期") LocalDate from,
        @NotNull(message = "请填写请假结束日期") LocalDate to,
        @NotBlank(message = "请填写请假事由") @Size(max = 200, message = "请假事由最长 200 个字") String reason) {
}
