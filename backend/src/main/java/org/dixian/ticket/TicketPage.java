package org.dixian.ticket;

import java.util.List;

public record TicketPage(List<Ticket> items, Long nextAfter) {
}
