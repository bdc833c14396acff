package org.dixian.policy;

/** How far a policy reached a household, in order: a status is never lowered. */
public enum PolicyReachStatus {
    NOTIFIED, VIEWED, APPLIED, RECEIVING
}
