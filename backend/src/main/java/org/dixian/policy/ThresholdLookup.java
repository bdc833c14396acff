package org.dixian.policy;

import java.math.BigDecimal;

/** The monitoring threshold of a province (2 digits) and year, and the amount for years nobody configured. */
public interface ThresholdLookup {
    BigDecimal threshold(String province, int year);

    BigDecimal fallback();
}
