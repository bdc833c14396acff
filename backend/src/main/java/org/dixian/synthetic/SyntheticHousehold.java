package org.dixian.synthetic;

import java.time.LocalDate;
import java.util.List;

/** One generated household with its members and yearly incomes, in plain text (encryption happens on load). */
public record SyntheticHousehold(long id, String householdNo, String regionCode, String address, String category,
                                 Integer liftedYear, Boolean enjoysPolicy, String monitoringType,
                                 List<String> riskTypes, LocalDate monitoringStart, boolean riskEliminated,
                                 LocalDate riskEliminatedOn, boolean housingSafe, boolean waterSafe,
                                 String bankAccount, List<Member> members, List<Income> incomes) {

    public String headName() {
        return members.get(0).name();
    }

    public record Member(String name, String idCard, String gender, LocalDate birthDate, String relation,
                         String ethnicity, String politicalStatus, String education, String schoolingStatus,
                         String health, Integer disabilityGrade, String laborAbility, String workStatus,
                         String workPlace, boolean pensionInsured, boolean medicalInsured, String phone,
                         String assistanceStatus) {
    }

    /** Amounts in yuan cents; {@code perCapitaNet} = (income sum − production cost) / members, rounded half up. */
    public record Income(int year, long wage, long production, long property, long transfer, long productionCost,
                         int members, long perCapitaNet) {
    }
}
