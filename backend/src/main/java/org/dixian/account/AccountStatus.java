package org.dixian.account;

public enum AccountStatus {
    ACTIVE,
    DISABLED
}
