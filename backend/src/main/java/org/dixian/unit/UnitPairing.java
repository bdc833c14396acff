package org.dixian.unit;

import java.time.LocalDate;

/** A unit's pairing with a village; ended ones keep their end date and reason. */
public record UnitPairing(long id, String villageCode, String villageName, LocalDate startDate, LocalDate endDate,
                          String endReason) {
}
