package org.dixian.policy;

import java.util.List;

public record PolicyFit(PolicySummary policy, String reason, List<String> missing) {
}
