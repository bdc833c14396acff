package org.dixian.team;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.security.Role;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A leave request and its decision (current state; each step is also a {@link TeamEventEntity}). */
@Entity
@Table(name = "team_leave")
public class LeaveEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "team_id")
    public Long teamId;
    @Column(name = "member_id")
    public Long memberId;
    @Column(name = "account_id")
    public Long accountId;
    @Column(name = "from_date")
    public LocalDate fromDate;
    @Column(name = "to_date")
    public LocalDate toDate;
    public int days;
    public String reason;
    @Enumerated(EnumType.STRING)
    public LeaveStatus status;
    @Column(name = "decided_by")
    public Long decidedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "decided_role")
    public Role decidedRole;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    public String comment;
    @Column(name = "request_key")
    public String requestKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
