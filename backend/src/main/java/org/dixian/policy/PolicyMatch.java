package org.dixian.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyMatch(long householdId, String householdNo, String headName, String regionCode, String regionName,
                          PolicyReachStatus reach, String reason) {
}
