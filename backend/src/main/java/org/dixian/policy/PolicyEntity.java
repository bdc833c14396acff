package org.dixian.policy;

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
import java.util.ArrayList;
import java.util.List;

/** The current state of a policy; its history is {@link PolicyEventEntity}, its conditions versions policy_conditions. */
@Entity
@Table(name = "policy")
public class PolicyEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String title;
    @Column(name = "doc_no")
    public String docNo;
    public String issuer;
    @Column(name = "region_code", columnDefinition = "bpchar")
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public PolicyCategory category;
    @Enumerated(EnumType.STRING)
    public PolicyStatus status;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "effective_to")
    public LocalDate effectiveTo;
    public String summary;
    public String benefit;
    public String body;
    @Column(name = "body_text")
    public String bodyText;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attachment_ids")
    public List<Long> attachmentIds = new ArrayList<>();
    @Column(name = "conditions_version")
    public int conditionsVersion;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "request_key")
    public String requestKey;
    @Version
    public int version;
}
