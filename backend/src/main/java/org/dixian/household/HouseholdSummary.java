package org.dixian.household;

import java.util.List;

@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record HouseholdSummary(long id, String householdNo, String regionCode, String regionName, String headName,
                               HouseholdCategory category, MonitoringType monitoringType, List<RiskType> riskTypes,
                               int memberCount) {
}
