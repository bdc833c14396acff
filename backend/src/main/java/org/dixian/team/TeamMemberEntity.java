package org.dixian.team;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A member's dispatch to a team; ending it sets {@code endedOn} and keeps the row. */
@Entity
@Table(name = "team_member")
public class TeamMemberEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "team_id")
    public Long teamId;
    @Column(name = "account_id")
    public Long accountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "team_role")
    public TeamRole teamRole;
    @Column(name = "sending_unit")
    public String sendingUnit;
    @Column(name = "dispatch_from")
    public LocalDate dispatchFrom;
    @Column(name = "dispatch_to")
    public LocalDate dispatchTo;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The last day of service: the earlier of the dispatch end and the day it was ended; null when open. */
    LocalDate lastDay() {
        if (dispatchTo == null) {
            return endedOn;
        }
        return endedOn == null || dispatchTo.isBefore(endedOn) ? dispatchTo : endedOn;
    }

    /** Serving on {@code day}: dispatched by then and not yet over. */
    boolean servingOn(LocalDate day) {
        LocalDate last = lastDay();
        return !dispatchFrom.isAfter(day) && (last == null || !last.isBefore(day));
    }

    /** Serving now or dispatched for later: what "one active membership per account" counts. */
    boolean currentOrComing(LocalDate today) {
        LocalDate last = lastDay();
        return last == null || !last.isBefore(today);
    }

    TeamMember view(String name) {
        return new TeamMember(id, accountId, name, teamRole, sendingUnit, dispatchFrom, dispatchTo, endedOn, endReason);
    }
}
