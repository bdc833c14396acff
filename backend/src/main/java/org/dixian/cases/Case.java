package org.dixian.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dixian.household.RiskType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A case as shown: the contact phone masked, every step in order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Case(long id, CaseSource source, CaseStage stage, boolean open, Long householdId, String regionCode,
                   String regionName, String applicantName, List<RiskType> riskTypes, String description,
                   BigDecimal medicalExpense, BigDecimal incomeLoss, BigDecimal disasterLoss, String contactPhone,
                   OffsetDateTime createdAt, LocalDate stageDue, boolean overdue, int version, LocalDate noticeEnds,
                   int openObjections, List<Long> photoIds, List<CaseEvent> events) {
}
