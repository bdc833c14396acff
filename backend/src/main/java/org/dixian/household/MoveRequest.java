package org.dixian.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record MoveRequest(@NotNull(message = "请选择迁入的农户") Long toHouseholdId,
                          @NotBlank(message = "请选择在新户中与户主的关系") String relation,
                          @NotBlank(message = "请填写原因") @Size(max = 200, message = "原因最长 200 个字") String reason) {
}
