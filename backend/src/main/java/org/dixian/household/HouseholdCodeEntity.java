package org.dixian.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

@Entity
@Table(name = "household_code")
public class HouseholdCodeEntity {
    @Id
    @Column(name = "household_id")
    public Long householdId;
    public String code;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public Long createdBy;
}
