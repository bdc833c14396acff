package org.dixian.cases;

import org.dixian.platform.persistence.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** What a home visit found, where and when. Append-only. */
@Entity
@Table(name = "case_visit")
public class CaseVisitEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "per_capita_income")
    public BigDecimal perCapitaIncome;
    @Column(name = "big_expenditure")
    public BigDecimal bigExpenditure;
    @Column(name = "food_and_clothing")
    public boolean foodAndClothing;
    public boolean education;
    public boolean medical;
    public boolean housing;
    @Column(name = "drinking_water")
    public boolean drinkingWater;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "risk_types")
    public List<String> riskTypes;
    public String findings;
    public double latitude;
    public double longitude;
    public double accuracy;
    @jakarta.persistence.Embedded
    public Actor actor;
    public OffsetDateTime at;
}
