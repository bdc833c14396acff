package org.dixian.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.security.Role;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One check-in; the table refuses updates and deletes. */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "checkin")
public class CheckinEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "account_id")
    public Long accountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role")
    public Role role;
    @Column(name = "actor_region", columnDefinition = "bpchar")
    public String region;
    @Enumerated(EnumType.STRING)
    public CheckinTask task;
    @Column(name = "task_ref")
    public String taskRef;
    @Column(name = "village_code", columnDefinition = "bpchar")
    public String villageCode;
    public OffsetDateTime at;
    public LocalDate day;
    public double latitude;
    public double longitude;
    public double accuracy;
    @Column(name = "distance_meters")
    public Double distanceMeters;
    public Boolean inside;
    @Column(name = "field_reason")
    public String fieldReason;
    @Column(name = "photo_id")
    public Long photoId;
    @Column(name = "client_time")
    public OffsetDateTime clientTime;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> flags;
    @Column(name = "request_key")
    public String requestKey;

    Checkin view(String name, String villageName) {
        return new Checkin(id, accountId, name, task, taskRef, villageCode, villageName, at, day, latitude, longitude,
                accuracy, distanceMeters, inside, fieldReason, photoId, clientTime,
                flags.stream().map(CheckinFlag::valueOf).sorted().toList());
    }
}
