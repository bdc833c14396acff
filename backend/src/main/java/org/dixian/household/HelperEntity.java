package org.dixian.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A 帮扶责任人, registered for a region; the phone is encrypted and blind-indexed. */
@Entity
@Table(name = "helper")
public class HelperEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String unit;
    public String position;
    @Column(name = "phone_enc")
    public String phoneEnc;
    @Column(name = "phone_hash")
    public String phoneHash;
    @Column(name = "region_code", columnDefinition = "bpchar")
    public String regionCode;
    @Column(name = "request_key")
    public String requestKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
