package org.dixian.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

/** One showing of a helper's full phone to someone of the paired household or a cadre. Append-only. */
@Entity
@Table(name = "helper_contact")
public class HelperContactEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "household_id")
    public Long householdId;
    @Column(name = "helper_id")
    public Long helperId;
    @Column(name = "actor_id")
    public Long actorId;
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role")
    public Role actorRole;
    @Column(name = "actor_region", columnDefinition = "bpchar")
    public String actorRegion;
    public OffsetDateTime at;
}
