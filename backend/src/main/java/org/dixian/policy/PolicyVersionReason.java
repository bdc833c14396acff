package org.dixian.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The version read and the reason for the step. */
public record PolicyVersionReason(@NotNull(message = "请提供版本号") Integer version,
                                  @NotBlank(message = "请说明理由") @Size(max = 500, message = "理由最多 500 字") String reason) {
}
