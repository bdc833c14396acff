package org.dixian.cases;

/** Where a case stands in the identification chain (入户核实 → 村评议 → 公示 → 乡审核 → 县审定). */
public enum CaseStage {
    VISIT, VILLAGE_REVIEW, PUBLIC_NOTICE, TOWNSHIP_REVIEW, COUNTY_APPROVAL, APPROVED, REJECTED, WITHDRAWN
}
