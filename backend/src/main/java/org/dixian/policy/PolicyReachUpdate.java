package org.dixian.policy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record PolicyReachUpdate(@NotNull(message = "请选择办理进展") PolicyReachStatus status,
                                @Size(max = 200, message = "备注最多 200 字") String note) {
}
