package org.dixian.team;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A leave request; {@code checkedInDays} are its dates on which the member checked in anyway (counted as present). */
public record Leave(long id, long teamId, long memberId, long accountId, String name, LocalDate from, LocalDate to,
                    int days, String reason, LeaveStatus status, List<LocalDate> checkedInDays, String decidedBy,
                    OffsetDateTime decidedAt, String comment, OffsetDateTime createdAt) {
}
