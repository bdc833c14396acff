package org.dixian.household;

import java.util.List;

public record HouseholdPage(List<HouseholdSummary> items, Long nextAfter) {
}
