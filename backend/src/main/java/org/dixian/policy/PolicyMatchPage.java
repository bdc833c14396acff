package org.dixian.policy;

import java.util.List;

public record PolicyMatchPage(long policyId, String region, long eligible, long receiving, long notReached,
                              List<PolicyMatch> items, Long nextAfter) {
}
