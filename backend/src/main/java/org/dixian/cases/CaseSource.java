package org.dixian.cases;

/** How a case was opened. */
public enum CaseSource {
    FARMER_DECLARATION, SCREENING, VISIT, ALERT, TICKET, DEPARTMENT
}
