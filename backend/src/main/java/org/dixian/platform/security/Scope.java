package org.dixian.platform.security;

import org.dixian.platform.errors.ApiException;

import java.util.Arrays;
import java.util.Set;

/**
 * What the caller may see and do, built only from the verified access token. Every service and repository
 * filters through this object: a cadre sees what lies under its region's prefix, a farmer only its own
 * household, a client only its region and scopes. Out-of-scope reads are answered as not found.
 */
public record Scope(long accountId, String subject, Role role, String regionCode, int level, Long householdId,
                    Set<String> clientScopes) {

    /** The SQL LIKE pattern of everything under the caller's region. */
    public String likePattern() {
        return regionCode == null ? "-" : RegionCodes.prefix(regionCode) + "%";
    }

    /**
     * Everything under the caller's region as the half-open code range [from, to) (see {@link RegionCodes#range});
     * without a region, a range no code lies in.
     */
    public String[] regionRange() {
        return regionCode == null ? new String[] {"-", "-"} : RegionCodes.range(regionCode);
    }

    public boolean covers(String code) {
        return regionCode != null && RegionCodes.covers(regionCode, code);
    }

    /** Throws not-found (no existence leak) when the code lies outside the caller's region. */
    public void requireCovers(String code) {
        if (!covers(code)) {
            throw ApiException.notFound("未找到该数据，或不在您的管辖范围内");
        }
    }

    public boolean hasRole(Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    /** Throws forbidden when the caller's role may not do this. */
    public void requireRole(Role... roles) {
        if (!hasRole(roles)) {
            throw ApiException.forbidden("当前角色（" + role.label() + "）无权进行此操作");
        }
    }

    /** For third-party clients: throws forbidden without the named scope; other callers pass. */
    public void requireClientScope(String scope) {
        if (role == Role.API_CLIENT && !clientScopes.contains(scope)) {
            throw ApiException.forbidden("接入系统未获授权：" + scope);
        }
    }

    /** The acting account for records of who did what; null for a client (it has no account). */
    public Long actorId() {
        return accountId == 0 ? null : accountId;
    }

    public boolean isCadre() {
        return role.isCadre();
    }
}
