package org.dixian.cases;

import org.dixian.platform.persistence.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The one answer to an objection. Append-only. */
@Entity
@Table(name = "case_objection_answer")
public class ObjectionAnswerEntity {
    @Id
    @Column(name = "objection_id")
    public Long objectionId;
    @Column(name = "case_id")
    public Long caseId;
    public String answer;
    @jakarta.persistence.Embedded
    public Actor actor;
    public OffsetDateTime at;
}
