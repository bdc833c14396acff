package org.dixian.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.security.Role;

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
    @Column(name = "actor_id")
    public Long actorId;
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role")
    public Role actorRole;
    @Column(name = "actor_region", columnDefinition = "bpchar")
    public String actorRegion;
    public OffsetDateTime at;
}
