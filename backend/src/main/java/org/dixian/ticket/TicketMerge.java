package org.dixian.ticket;

import jakarta.validation.constraints.*;



public record TicketMerge(@NotNull(message = "请选择合并到的工单") Long intoTicketId,
        @NotBlank(message = "请填写理由") @Size(max = 500, message = "理由最长 500 个字") String reason) {
}
