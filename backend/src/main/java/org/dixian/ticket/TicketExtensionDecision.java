package org.dixian.ticket;

import jakarta.validation.constraints.*;



public record TicketExtensionDecision(@NotNull(message = "缺少版本号，请刷新后重试") Integer version,
        @NotNull(message = "请选择是否同意") Boolean approve,
        @NotBlank(message = "请填写理由") @Size(max = 500, message = "理由最长 500 个字") String reason) {
}
