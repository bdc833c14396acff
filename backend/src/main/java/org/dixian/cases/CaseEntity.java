package org.dixian.cases;

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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The current state of an identification case; its history is {@link CaseEventEntity}. */
@Entity
@Table(name = "identification_case")
public class CaseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Enumerated(EnumType.STRING)
    public CaseSource source;
    @Enumerated(EnumType.STRING)
    public CaseStage stage;
    public boolean open;
    @Column(name = "household_id")
    public Long householdId;
    @Column(name = "region_code", columnDefinition = "bpchar")
    public String regionCode;
    @Column(name = "declarant_id")
    public Long declarantId;
    @Column(name = "applicant_name")
    public String applicantName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "risk_types")
    public List<String> riskTypes;
    public String description;
    @Column(name = "medical_expense")
    public BigDecimal medicalExpense;
    @Column(name = "income_loss")
    public BigDecimal incomeLoss;
    @Column(name = "disaster_loss")
    public BigDecimal disasterLoss;
    @Column(name = "contact_phone_enc")
    public String contactPhoneEnc;
    @Column(name = "contact_phone_hash")
    public String contactPhoneHash;
    @Column(name = "consent_text")
    public String consentText;
    @Column(name = "stage_due")
    public LocalDate stageDue;
    @Column(name = "request_key")
    public String requestKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photo_ids")
    public List<Long> photoIds = new java.util.ArrayList<>();
    @Column(name = "notice_ends")
    public LocalDate noticeEnds;
    @Version
    public int version;
}
