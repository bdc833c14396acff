package org.dixian.household;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;
import java.util.List;

public record HouseholdEvent(long id, String type, Long memberId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Role actorRole, String actorRegion,
                             OffsetDateTime at, String reason, List<FieldChange> changes) {
}
