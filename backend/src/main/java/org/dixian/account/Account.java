package org.dixian.account;

import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

/** An account as the API shows it; the phone is always masked. */
public record Account(long id, String name, String phone, String regionCode, String regionName, int level, Role role,
                      String position, AccountStatus status, OffsetDateTime createdAt) {
}
