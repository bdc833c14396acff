package org.dixian.team;

public enum LeaveStatus {
    PENDING, APPROVED, REFUSED
}
