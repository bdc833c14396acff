package org.dixian.cases;

import org.dixian.platform.persistence.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The minutes of a village review meeting (村民主评议). Append-only. */
@Entity
@Table(name = "case_village_review")
public class CaseVillageReviewEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "meeting_date")
    public LocalDate meetingDate;
    public int participants;
    @Enumerated(EnumType.STRING)
    public CaseDecision decision;
    public String opinion;
    @jakarta.persistence.Embedded
    public Actor actor;
    public OffsetDateTime at;
}
