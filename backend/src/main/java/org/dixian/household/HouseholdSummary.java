package org.dixian.household;

import java.util.List;

@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record HouseholdSummary(long id, String householdNo, String regionCode, String regionName, String headName,
                               HouseholdCategory category, MonitoringType monitoringType, List<RiskType> riskTypes,
                               int memberCount) {
    /** The same row with the name of its village. */
    HouseholdSummary named(String name) {
        return new HouseholdSummary(id, householdNo, regionCode, name, headName, category, monitoringType, riskTypes,
                memberCount);
    }
}
