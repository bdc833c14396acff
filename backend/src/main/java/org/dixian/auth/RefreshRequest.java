package org.dixian.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RefreshRequest(@NotBlank(message = "缺少刷新令牌") @Size(max = 200, message = "刷新令牌格式错误") String refreshToken) {
}
