package org.dixian.ticket;

import jakarta.validation.constraints.*;



public record TicketFollowUp(@NotNull(message = "请选择满意程度") Satisfaction satisfaction,
        @NotBlank(message = "请记录回访情况") @Size(max = 500, message = "回访记录最长 500 个字") String note) {
}
