package org.dixian.household;

import org.dixian.platform.persistence.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
    @jakarta.persistence.Embedded
    public Actor actor;
    public OffsetDateTime at;
    public String changes;
}
