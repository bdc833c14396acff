package org.dixian.policy;

import jakarta.validation.constraints.NotNull;

/** The version of the record read (optimistic locking). */
public record PolicyVersion(@NotNull(message = "请提供版本号") Integer version) {
}
