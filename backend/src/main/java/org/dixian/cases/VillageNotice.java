package org.dixian.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dixian.household.RiskType;

import java.time.LocalDate;
import java.util.List;

/** One household under public notice, as anyone may see it: the name masked, nothing sensitive. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VillageNotice(long caseId, String headName, Integer memberCount, List<RiskType> riskTypes,
                            String reviewOpinion, LocalDate publishedOn, LocalDate endsOn) {
}
