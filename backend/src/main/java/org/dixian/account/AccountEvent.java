package org.dixian.account;

import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

public record AccountEvent(long id, AccountEventType type, Long actorId, Role actorRole, String actorRegion, OffsetDateTime at,
                           String reason) {
}
