package org.dixian.notice;

import jakarta.validation.constraints.NotNull;

/** The version the caller read, for an optimistic step (publish). */
public record PolicyVersion(@NotNull(message = "缺少版本号，请刷新后重试") Integer version) {
}
