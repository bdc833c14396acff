package org.dixian.household;

import java.math.BigDecimal;

/** One year's income of a household; per-capita net = (wage + production + property + transfer − cost) / members. */
public record Income(int year, BigDecimal wage, BigDecimal production, BigDecimal property, BigDecimal transfer,
                     BigDecimal productionCost, int members, BigDecimal perCapitaNet) {
}
