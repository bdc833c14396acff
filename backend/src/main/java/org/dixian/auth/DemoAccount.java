package org.dixian.auth;

import org.dixian.platform.security.Role;

public record DemoAccount(long id, String name, Role role, String position, String regionCode, String regionName, int level) {
}
