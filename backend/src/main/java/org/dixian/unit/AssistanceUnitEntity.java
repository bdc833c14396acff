package org.dixian.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.persistence.Actor;

import java.time.OffsetDateTime;

/** A 帮扶单位; {@code actor} is who registered it, the contact phone is stored encrypted. */
@Entity
@Table(name = "assistance_unit")
public class AssistanceUnitEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String affiliation;
    @Column(name = "region_code", columnDefinition = "bpchar")
    public String regionCode;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_phone_enc")
    public String contactPhoneEnc;
    @Column(name = "request_key")
    public String requestKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Embedded
    public Actor actor;
}
