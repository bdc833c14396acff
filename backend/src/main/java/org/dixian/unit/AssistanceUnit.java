package org.dixian.unit;

import java.time.OffsetDateTime;
import java.util.List;

/** An assistance unit as shown: the contact phone masked, the pairings with villages in the caller's region. */
public record AssistanceUnit(long id, String name, String affiliation, String regionCode, String regionName,
                             String contactName, String contactPhone, List<UnitPairing> pairings,
                             OffsetDateTime createdAt) {
}
