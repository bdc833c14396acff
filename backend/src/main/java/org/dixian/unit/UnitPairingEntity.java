package org.dixian.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The current state of a pairing (ended or not); its steps are {@link UnitEventEntity} rows. */
@Entity
@Table(name = "unit_pairing")
public class UnitPairingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "unit_id")
    public Long unitId;
    @Column(name = "village_code", columnDefinition = "bpchar")
    public String villageCode;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
