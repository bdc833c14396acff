package org.dixian.policy;

/** 政策类别. */
public enum PolicyCategory {
    HEALTH, EDUCATION, HOUSING, EMPLOYMENT, INDUSTRY, MICROCREDIT, INSURANCE, SOCIAL_ASSISTANCE, OTHER
}
