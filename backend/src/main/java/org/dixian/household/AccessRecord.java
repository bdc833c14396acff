package org.dixian.household;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

/** Who looked: role and region only, never the cadre's own data. */
public record AccessRecord(String kind, @JsonInclude(JsonInclude.Include.NON_NULL) ProtectedField field, Role actorRole,
                           String actorRegion, String actorRegionName, OffsetDateTime at) {
}
