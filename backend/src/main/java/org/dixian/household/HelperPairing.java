package org.dixian.household;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record HelperPairing(long id, long householdId, Helper helper, LocalDate startDate, LocalDate endDate, boolean current) {
}
