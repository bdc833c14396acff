package org.dixian.cases;

/** What a cadre has to do next on a case. */
public enum WorkAction {
    VISIT, VILLAGE_REVIEW, CLOSE_NOTICE, ANSWER_OBJECTION, TOWNSHIP_REVIEW, COUNTY_APPROVAL
}
