package org.dixian.ticket;

import jakarta.validation.constraints.*;



public record TicketRating(@NotNull(message = "请选择满意程度") Satisfaction satisfaction,
        @Size(max = 500, message = "评价最长 500 个字") String comment) {
}
