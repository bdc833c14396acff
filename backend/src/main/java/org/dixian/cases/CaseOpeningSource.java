package org.dixian.cases;

/** How a cadre came upon the risk when opening a case. */
public enum CaseOpeningSource {
    SCREENING, VISIT
}
