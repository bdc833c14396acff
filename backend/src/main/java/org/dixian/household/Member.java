package org.dixian.household;

import java.time.LocalDate;

/** A household member as shown to cadres and the farmer: ID number and phone always masked. */
public record Member(long id, String name, String idNumber, Gender gender, LocalDate birthDate, int age, String relation,
                     String ethnicity, String politicalStatus, String education, String schoolingStatus, String health,
                     Integer disabilityGrade, String laborAbility, String workStatus, String workPlace,
                     Boolean pensionInsured, Boolean medicalInsured, String phone, String assistanceStatus) {
}
