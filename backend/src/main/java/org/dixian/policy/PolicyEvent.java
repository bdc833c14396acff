package org.dixian.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyEvent(String type, Role actorRole, String actorRegion, OffsetDateTime at, String reason,
                          Integer conditionsVersion) {
}
