package org.dixian.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Where a pushed ticket stands, as its platform sees it: no complainant, no internal steps. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExternalTicketStatus(String externalNo, String ticketNo, TicketStatus status, String handlerRegion,
                                   LocalDate handleDue, String reply, OffsetDateTime repliedAt, Satisfaction satisfaction,
                                   OffsetDateTime closedAt, OffsetDateTime updatedAt) {
}
