package org.dixian.account;

import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

public record AccountEvent(long id, String type, Long actorId, Role actorRole, String actorRegion, OffsetDateTime at,
                           String reason) {
}
