package org.dixian.worklog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.security.Role;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A work log; append-only (the table refuses updates and deletes, a correction is a new log). */
@Entity
@Immutable
@Table(name = "work_log")
public class WorkLogEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "account_id")
    public Long accountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "author_role")
    public Role authorRole;
    @Column(name = "author_region", columnDefinition = "bpchar")
    public String authorRegion;
    @Column(name = "village_code", columnDefinition = "bpchar")
    public String villageCode;
    @Column(name = "work_date")
    public LocalDate workDate;
    public String content;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photo_ids")
    public List<Long> photoIds = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "household_ids")
    public List<Long> householdIds = new ArrayList<>();
    public Double latitude;
    public Double longitude;
    public Double accuracy;
    @Column(name = "task_ref")
    public String taskRef;
    @Column(name = "request_key")
    public String requestKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
