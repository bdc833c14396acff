package org.dixian.ticket;

/** How a ticket came in: the mini-program, the 12345 and 12317 hotlines, a letter, a visit, other. */
public enum TicketChannel {
    MINIPROGRAM, HOTLINE_12345, HOTLINE_12317, LETTER, VISIT, OTHER
}
