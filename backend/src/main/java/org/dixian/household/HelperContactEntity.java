package org.dixian.household;

import org.dixian.platform.persistence.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
    @jakarta.persistence.Embedded
    public Actor actor;
    public OffsetDateTime at;
}
