package org.dixian.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/** A page of the tickets given to a department system's departments; pass nextUpdatedAfter back for the next one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignedTicketPage(List<Ticket> items, OffsetDateTime nextUpdatedAfter) {
}
