package org.dixian.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

/** Append-only records about helpers: their registration ({@code helper_event}). */
@Entity
@Table(name = "helper_event")
public class HelperRecordEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "helper_id")
    public Long helperId;
    public String type;
    @Column(name = "actor_id")
    public Long actorId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "actor_role")
    public Role actorRole;
    @Column(name = "actor_region", columnDefinition = "bpchar")
    public String actorRegion;
    public OffsetDateTime at;
    public String changes;
}
