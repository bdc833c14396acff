package org.dixian.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@Entity
@Table(name = "household")
public class HouseholdEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "household_no")
    public String householdNo;
    @Column(name = "region_code", columnDefinition = "bpchar")
    public String regionCode;
    public String address;
    @Enumerated(EnumType.STRING)
    public HouseholdCategory category;
    @Column(name = "lifted_year")
    public Short liftedYear;
    @Column(name = "enjoys_policy")
    public Boolean enjoysPolicy;
    @Enumerated(EnumType.STRING)
    @Column(name = "monitoring_type")
    public MonitoringType monitoringType;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "risk_types")
    public List<String> riskTypes;
    @Column(name = "monitoring_start")
    public LocalDate monitoringStart;
    @Column(name = "risk_eliminated")
    public boolean riskEliminated;
    @Column(name = "risk_eliminated_on")
    public LocalDate riskEliminatedOn;
    @Column(name = "housing_safe")
    public Boolean housingSafe;
    @Column(name = "water_safe")
    public Boolean waterSafe;
    @Column(name = "bank_account_enc")
    public String bankAccountEnc;
    @Column(name = "bank_account_hash")
    public String bankAccountHash;
    @Column(name = "head_name")
    public String headName;
    @Column(name = "member_count")
    public short memberCount;
    public boolean deleted;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public int version;
    @Column(name = "request_key")
    public String requestKey;
}
