package org.dixian.team;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.persistence.Actor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;

/** One append-only step of a team's history: formed, member added or ended, leave requested or decided. */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "team_event")
public class TeamEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "team_id")
    public Long teamId;
    @Column(name = "member_id")
    public Long memberId;
    @Column(name = "leave_id")
    public Long leaveId;
    public String type;
    @Embedded
    public Actor actor;
    public OffsetDateTime at;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data;
}
