package org.dixian.household;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a scanned code leads: a household page (cadre in scope), the declaration entry (farmer), a village. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QrTarget(String kind, Long householdId, String regionCode, String regionName) {
}
