package org.dixian.household;

public enum MonitoringType {
    UNSTABLE_LIFTED, MARGINAL, SUDDEN_HARDSHIP
}
