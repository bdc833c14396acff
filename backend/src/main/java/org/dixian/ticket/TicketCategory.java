package org.dixian.ticket;

/** What a ticket is about; the handling limit may differ by category. */
public enum TicketCategory {
    ASSISTANCE, MONITORING, SUBSIDY, HEALTH, EDUCATION, HOUSING, EMPLOYMENT, CADRE_CONDUCT, OTHER
}
