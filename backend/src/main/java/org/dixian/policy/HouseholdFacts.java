package org.dixian.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What conditions test about one household, as read from the registry: the household row, its members (not
 * removed) and its latest yearly income. Null values stay null: a leaf on a null fact is false.
 */
public record HouseholdFacts(long id, String regionCode, String category, String monitoringType, List<String> riskTypes,
                             Boolean housingSafe, Boolean waterSafe, boolean riskEliminated, int memberCount,
                             BigDecimal incomePerCapita, Integer incomeYear, List<Member> members) {

    public record Member(LocalDate birthDate, String gender, String relation, String health, Integer disabilityGrade,
                         String schoolingStatus, String laborAbility, String workStatus, String workPlace,
                         String assistanceStatus, Boolean medicalInsured, Boolean pensionInsured) {
    }
}
