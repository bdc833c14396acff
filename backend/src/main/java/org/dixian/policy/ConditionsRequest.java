package org.dixian.policy;

import jakarta.validation.constraints.NotNull;

public record ConditionsRequest(@NotNull(message = "请填写条件") PolicyCondition conditions) {
}
