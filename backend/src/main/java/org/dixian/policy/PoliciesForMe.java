package org.dixian.policy;

import java.util.List;

public record PoliciesForMe(long householdId, List<PolicyFit> eligible, List<PolicyFit> nearlyMet) {
}
