package org.dixian.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the ticket statistics: a region, a category or a channel. Overdue counts tickets closed late and open
 * ones past their deadline today; the satisfaction rate is (满意 + 基本满意) / rated, null when nothing was rated.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketStatsRow(String key, String name, long received, long onTime, long overdue, long extended,
                             long rehandled, long rated, long satisfied, Double satisfactionRate) {
}
