package org.dixian.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dixian.household.RiskType;

import java.time.LocalDate;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkTodo(long caseId, WorkAction action, CaseStage stage, String regionCode, String regionName, String name,
                       List<RiskType> riskTypes, LocalDate due, boolean overdue, boolean ready) {
}
