package org.dixian.auth;

import jakarta.validation.constraints.NotNull;

public record DevLoginRequest(@NotNull(message = "请选择演示账号") Long accountId) {
}
