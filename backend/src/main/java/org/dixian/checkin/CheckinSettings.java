package org.dixian.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

/**
 * Check-in configuration (src-docs/checkins.md): {@code dixian.checkins.default-radius} (metres, 1500),
 * {@code dixian.checkins.expected-days} (days in the village a month, 20) and, per province,
 * {@code dixian.checkins.provinces.<2-digit code>.record-attendance} (default false).
 */
@ApplicationScoped
public class CheckinSettings {
    private final Config config;
    private final int defaultRadius;
    private final int expectedDays;

    public CheckinSettings(Config config) {
        this.config = config;
        this.defaultRadius = config.getOptionalValue("dixian.checkins.default-radius", Integer.class).orElse(1500);
        this.expectedDays = config.getOptionalValue("dixian.checkins.expected-days", Integer.class).orElse(20);
        if (defaultRadius < 100 || defaultRadius > 20000) {
            throw new IllegalStateException("dixian.checkins.default-radius must be between 100 and 20000 m, not " + defaultRadius);
        }
        if (expectedDays < 0 || expectedDays > 31) {
            throw new IllegalStateException("dixian.checkins.expected-days must be between 0 and 31, not " + expectedDays);
        }
    }

    public int defaultRadius() {
        return defaultRadius;
    }

    public int expectedDays() {
        return expectedDays;
    }

    /** Whether the province of {@code regionCode} records resident-team attendance. */
    public boolean recordAttendance(String regionCode) {
        return regionCode != null && config.getOptionalValue("dixian.checkins.provinces." + regionCode.substring(0, 2)
                + ".record-attendance", Boolean.class).orElse(false);
    }

    /** The rules as the API shows them for a region. */
    public CheckinRules rules(String regionCode) {
        return new CheckinRules(recordAttendance(regionCode), defaultRadius, expectedDays);
    }
}
