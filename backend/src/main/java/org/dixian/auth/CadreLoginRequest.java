package org.dixian.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CadreLoginRequest(
        @NotBlank(message = "缺少手机号授权凭证 phoneCode") @Size(max = 128, message = "phoneCode 过长") String phoneCode,
        @Size(max = 128, message = "loginCode 过长") String loginCode) {
}
