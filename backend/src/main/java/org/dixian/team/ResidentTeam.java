package org.dixian.team;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A resident team (驻村工作队) with all its members, past ones included. */
public record ResidentTeam(long id, String villageCode, String villageName, Long unitId, String unitName,
                           LocalDate startDate, LocalDate endDate, int expectedDaysPerMonth, List<TeamMember> members,
                           OffsetDateTime createdAt) {
}
