package org.dixian.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dixian.platform.security.Role;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketEvent(String type, TicketStatus status, Role actorRole, String actorRegion, OffsetDateTime at,
                          String content, String targetRegion, String targetDepartment, LocalDate due, Satisfaction satisfaction,
                          List<Long> attachments) {
}
