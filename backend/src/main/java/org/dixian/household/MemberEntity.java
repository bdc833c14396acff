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

import java.time.LocalDate;
import java.time.OffsetDateTime;

@Entity
@Table(name = "member")
public class MemberEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "household_id")
    public Long householdId;
    public String name;
    @Column(name = "id_card_enc")
    public String idCardEnc;
    @Column(name = "id_card_hash")
    public String idCardHash;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public String relation;
    public String ethnicity;
    @Column(name = "political_status")
    public String politicalStatus;
    public String education;
    @Column(name = "schooling_status")
    public String schoolingStatus;
    public String health;
    @Column(name = "disability_grade")
    public Short disabilityGrade;
    @Column(name = "labor_ability")
    public String laborAbility;
    @Column(name = "work_status")
    public String workStatus;
    @Column(name = "work_place")
    public String workPlace;
    @Column(name = "pension_insured")
    public Boolean pensionInsured;
    @Column(name = "medical_insured")
    public Boolean medicalInsured;
    @Column(name = "phone_enc")
    public String phoneEnc;
    @Column(name = "phone_hash")
    public String phoneHash;
    @Column(name = "phone_last4", columnDefinition = "bpchar")
    public String phoneLast4;
    @Column(name = "assistance_status")
    public String assistanceStatus;
    public boolean removed;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public int version;
}
