package org.dixian.department;

/** What a department does (民政, 医保, 残联 …); the closed set the contract names. */
public enum DepartmentKind {
    CIVIL_AFFAIRS, MEDICAL_INSURANCE, DISABLED_FEDERATION, EDUCATION, HOUSING, WATER, HUMAN_RESOURCES, EMERGENCY,
    PUBLIC_SECURITY, AGRICULTURE, HEALTH, OTHER
}
