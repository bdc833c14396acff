package org.dixian.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/** Ticket statistics of a region for a period of registration dates, by child region, category and channel. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketStats(String region, LocalDate from, LocalDate to, TicketStatsRow total, List<TicketStatsRow> byRegion,
                          List<TicketStatsRow> byCategory, List<TicketStatsRow> byChannel) {
}
