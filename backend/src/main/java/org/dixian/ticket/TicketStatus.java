package org.dixian.ticket;

/** Where a ticket stands (12345 practice: registered, handled, replied and followed up, closed). */
public enum TicketStatus {
    REGISTERED, HANDLING, REPLIED, CLOSED, REFUSED, MERGED
}
