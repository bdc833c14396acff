package org.dixian.policy;

/** Lifecycle: draft → published → withdrawn. */
public enum PolicyStatus {
    DRAFT, PUBLISHED, WITHDRAWN
}
