package org.dixian.client;

public enum ClientStatus {
    ACTIVE,
    DISABLED
}
