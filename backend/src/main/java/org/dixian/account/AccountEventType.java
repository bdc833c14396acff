package org.dixian.account;

public enum AccountEventType {
    CREATED,
    DISABLED,
    ENABLED,
    LOGIN_BOUND,
    HOUSEHOLD_BOUND
}
