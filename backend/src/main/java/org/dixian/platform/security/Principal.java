package org.dixian.platform.security;

import java.util.Set;

/** Who a token is issued to: an account (cadre or farmer) or a registered client. */
public record Principal(String subject, Role role, String regionCode, Long householdId, Set<String> scopes) {
    public static Principal account(long id, Role role, String regionCode, Long householdId) {
        return new Principal(Long.toString(id), role, regionCode, householdId, Set.of());
    }
}
