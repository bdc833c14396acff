package org.dixian.household;

import org.dixian.platform.persistence.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A cadre's (or client's) read of a household detail, or reveal of a protected value. Append-only. */
@Entity
@Table(name = "household_access")
public class AccessEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "household_id")
    public Long householdId;
    @Column(name = "member_id")
    public Long memberId;
    public String kind;
    @Enumerated(EnumType.STRING)
    public ProtectedField field;
    @jakarta.persistence.Embedded
    public Actor actor;
    public OffsetDateTime at;
    public String reason;
}
