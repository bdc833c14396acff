package org.dixian.team;

import java.time.LocalDate;

public record TeamMember(long id, long accountId, String name, TeamRole teamRole, String sendingUnit,
                         LocalDate dispatchFrom, LocalDate dispatchTo, LocalDate endedOn, String endReason) {
}
