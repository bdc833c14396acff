package org.dixian.policy;

import java.time.OffsetDateTime;

public record PolicyReach(long policyId, long householdId, PolicyReachStatus status, String note, OffsetDateTime updatedAt) {
}
