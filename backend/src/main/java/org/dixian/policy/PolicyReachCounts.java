package org.dixian.policy;

public record PolicyReachCounts(long notified, long viewed, long applied, long receiving) {
}
