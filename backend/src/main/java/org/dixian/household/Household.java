package org.dixian.household;

import java.time.LocalDate;
import java.util.List;

@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Household(long id, String householdNo, String regionCode, String regionName, String address,
                        HouseholdCategory category, Integer liftedYear, Boolean enjoysPolicy, MonitoringType monitoringType,
                        List<RiskType> riskTypes, LocalDate monitoringStart, boolean riskEliminated,
                        LocalDate riskEliminatedOn, Boolean housingSafe, Boolean waterSafe, String bankAccount,
                        List<Member> members, List<Income> incomes, int version) {
}
