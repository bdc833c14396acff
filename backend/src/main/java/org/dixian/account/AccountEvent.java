package org.dixian.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

/** One entry of an account's history; without an actor (system, first WeChat login) actorRole is left out. */
public record AccountEvent(long id, AccountEventType type, Long actorId,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Role actorRole, String actorRegion,
                           OffsetDateTime at, String reason) {
}
