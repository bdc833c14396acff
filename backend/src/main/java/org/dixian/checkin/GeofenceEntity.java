package org.dixian.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.persistence.Actor;

import java.time.OffsetDateTime;

/** One version of a village's geofence; the newest is current, the table refuses updates and deletes. */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "geofence")
public class GeofenceEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "village_code", columnDefinition = "bpchar")
    public String villageCode;
    public double latitude;
    public double longitude;
    @Column(name = "radius_meters")
    public int radiusMeters;
    @Embedded
    public Actor actor;
    public OffsetDateTime at;
}
