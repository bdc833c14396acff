package org.dixian.household;

public enum HouseholdCategory {
    GENERAL, LIFTED, MONITORED
}
