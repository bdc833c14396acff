package org.dixian.team;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.persistence.Actor;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A resident team; {@code actor} is who formed it. Its history is {@link TeamEventEntity}. */
@Entity
@Table(name = "resident_team")
public class TeamEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "village_code", columnDefinition = "bpchar")
    public String villageCode;
    @Column(name = "unit_id")
    public Long unitId;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "expected_days")
    public int expectedDays;
    @Column(name = "request_key")
    public String requestKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Embedded
    public Actor actor;

    boolean activeOn(LocalDate day) {
        return endDate == null || !endDate.isBefore(day);
    }
}
