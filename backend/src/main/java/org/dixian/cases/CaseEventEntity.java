package org.dixian.cases;

import org.dixian.platform.persistence.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One append-only step of a case (the table refuses updates and deletes). */
@Entity
@Table(name = "case_event")
public class CaseEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    public String type;
    @Enumerated(EnumType.STRING)
    public CaseStage stage;
    @jakarta.persistence.Embedded
    public Actor actor;
    public OffsetDateTime at;
    public String reason;
    public LocalDate due;
    @Enumerated(EnumType.STRING)
    public CaseDecision decision;
    public Double latitude;
    public Double longitude;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<Long> attachments = new java.util.ArrayList<>();

    CaseEvent view() {
        return new CaseEvent(type, stage, actor == null ? null : actor.role, actor == null ? null : actor.region, at, reason, due, decision, latitude, longitude,
                attachments == null ? List.of() : attachments);
    }
}
