package org.dixian.policy;

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

/** One append-only step of a policy (the table refuses updates and deletes). */
@Entity
@Table(name = "policy_event")
public class PolicyEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "policy_id")
    public Long policyId;
    public String type;
    @Embedded
    public Actor actor;
    public OffsetDateTime at;
    public String reason;
    @Column(name = "conditions_version")
    public Integer conditionsVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public String data;
    @Column(name = "request_key")
    public String requestKey;

    PolicyEvent view() {
        return new PolicyEvent(type, actor == null ? null : actor.role, actor == null ? null : actor.region, at, reason,
                conditionsVersion);
    }
}
