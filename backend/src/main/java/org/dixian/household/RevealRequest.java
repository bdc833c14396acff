package org.dixian.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record RevealRequest(@NotNull(message = "请选择要查看的信息") ProtectedField field, Long memberId,
                            @NotBlank(message = "请填写查看原因") @Size(min = 2, max = 200, message = "原因为 2 到 200 个字") String reason) {
}
