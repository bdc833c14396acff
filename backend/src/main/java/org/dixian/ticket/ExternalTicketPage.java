package org.dixian.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/** One page of a platform's tickets by update time; pass nextUpdatedAfter back as updatedAfter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExternalTicketPage(List<ExternalTicketStatus> items, OffsetDateTime nextUpdatedAfter) {
}
