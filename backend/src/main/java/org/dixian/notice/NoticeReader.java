package org.dixian.notice;

import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

/** Who read a notice: name, role and region as they were when reading (never a phone number). */
public record NoticeReader(long accountId, String name, Role role, String regionCode, String regionName,
                           OffsetDateTime readAt, OffsetDateTime confirmedAt) {
}
