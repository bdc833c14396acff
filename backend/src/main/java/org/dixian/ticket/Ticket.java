package org.dixian.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A ticket as shown: the complainant masked (or left out when anonymous), every step in order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ticket(long id, String ticketNo, TicketChannel channel, TicketCategory category, TicketStatus status,
                     String title, String description, String regionCode, String regionName, Long householdId,
                     boolean anonymous, String complainantName, String complainantPhone, String handlerRegion,
                     String handlerRegionName, Long handlerDepartmentId, String handlerDepartmentName, LocalDate acceptDue, LocalDate handleDue, boolean overdue,
                     int overdueWorkingDays, boolean supervised, LocalDate superviseDue, int extensionCount,
                     Integer extensionPendingDays, int urgeCount, int rehandleCount, Satisfaction satisfaction,
                     OffsetDateTime repliedAt, LocalDate rateFrom, OffsetDateTime closedAt, Long mergedInto, Long splitFrom,
                     List<Long> splitInto, Long caseId,
                     String externalNo, List<Long> photoIds, OffsetDateTime createdAt, int version,
                     List<TicketEvent> events) {
}
