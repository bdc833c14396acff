package org.dixian.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The version the caller read and the reason for the step (withdraw). */
public record PolicyVersionReason(@NotNull(message = "缺少版本号，请刷新后重试") Integer version,
        @NotBlank(message = "请填写理由") @Size(max = 500, message = "理由最长 500 个字") String reason) {
}
