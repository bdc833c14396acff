package org.dixian.notice;

/** Lifecycle of a publication (shared with policy documents in the contract): draft → published → withdrawn. */
public enum PolicyStatus {
    DRAFT, PUBLISHED, WITHDRAWN
}
