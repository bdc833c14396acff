package org.dixian.policy;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.math.BigDecimal;

/**
 * The monitoring threshold (监测范围, yuan of per-capita net income a year) of a province and year. National practice:
 * each province sets its own range every year at around 1.5 times the poverty-alleviation standard (Henan 2024:
 * 7,800 yuan). Configured as {@code dixian.policy.thresholds.<2-digit province code>.<year>}; any other province or
 * year falls back to {@code dixian.policy.threshold-default} (7800).
 */
@ApplicationScoped
public class Thresholds implements ThresholdLookup {
    static final String PREFIX = "dixian.policy.thresholds.";

    private final Config config;
    private final BigDecimal fallback;

    public Thresholds(Config config) {
        this.config = config;
        this.fallback = config.getOptionalValue("dixian.policy.threshold-default", BigDecimal.class)
                .orElse(new BigDecimal("7800"));
    }

    @Override
    public BigDecimal threshold(String province, int year) {
        return config.getOptionalValue(PREFIX + province + "." + year, BigDecimal.class).orElse(fallback);
    }

    @Override
    public BigDecimal fallback() {
        return fallback;
    }
}
