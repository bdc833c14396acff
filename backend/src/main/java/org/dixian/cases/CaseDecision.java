package org.dixian.cases;

/** What a review stage decided: pass on, reject (the case ends, the farmer is told why) or return one stage. */
public enum CaseDecision {
    PASS, REJECT, RETURN
}
