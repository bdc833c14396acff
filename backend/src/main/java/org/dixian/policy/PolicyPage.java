package org.dixian.policy;

import java.util.List;

public record PolicyPage(List<PolicySummary> items, long total) {
}
