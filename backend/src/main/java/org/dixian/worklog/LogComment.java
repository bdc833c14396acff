package org.dixian.worklog;

import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

/** A supervisor's comment (批注) on a log: who (name, role, region), what and when. */
public record LogComment(long id, String name, Role role, String regionCode, String content, OffsetDateTime at) {
}
