package org.dixian.policy;

import java.util.List;

public record PolicyExplanation(long policyId, long householdId, boolean eligible, String reason, List<PolicyCheck> checks,
                                List<String> missing) {
}
