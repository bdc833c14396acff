package org.dixian.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An objection (异议) to a case under public notice. Append-only; its answer is {@link ObjectionAnswerEntity}. */
@Entity
@Table(name = "case_objection")
public class ObjectionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    public String content;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_phone_enc")
    public String contactPhoneEnc;
    @Column(name = "contact_phone_hash")
    public String contactPhoneHash;
    @Column(name = "source_hash")
    public String sourceHash;
    @Column(name = "filed_at")
    public OffsetDateTime filedAt;
}
