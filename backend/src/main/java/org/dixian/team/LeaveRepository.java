package org.dixian.team;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class LeaveRepository implements PanacheRepositoryBase<LeaveEntity, Long> {

    public Uni<List<LeaveEntity>> ofTeam(long teamId, LeaveStatus status) {
        return status == null ? list("teamId = ?1 order by fromDate desc, id desc", teamId)
                : list("teamId = ?1 and status = ?2 order by fromDate desc, id desc", teamId, status);
    }

    /** Whether the member has a pending or approved leave sharing a day with [from, to]. */
    public Uni<Boolean> overlaps(long memberId, LocalDate from, LocalDate to) {
        return count("memberId = ?1 and status in ?2 and fromDate <= ?3 and toDate >= ?4", memberId,
                List.of(LeaveStatus.PENDING, LeaveStatus.APPROVED), to, from).map(n -> n > 0);
    }

    /** The team's approved leaves sharing a day with [from, to]. */
    public Uni<List<LeaveEntity>> approvedBetween(long teamId, LocalDate from, LocalDate to) {
        return list("teamId = ?1 and status = ?2 and fromDate <= ?3 and toDate >= ?4 order by id", teamId,
                LeaveStatus.APPROVED, to, from);
    }

    public Uni<LeaveEntity> byRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }
}
