package org.dixian.notice;

import org.dixian.policy.PolicyStatus;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.util.List;

/**
 * Who publishes, who reads and who manages a notice. A notice of region R is sent to R and everything below it:
 * to every cadre whose region lies under R (village roles included) and, for an announcement, to every bound farmer
 * whose village lies under R. Seen from the reader, the notices sent to it are those of its own region and its
 * ancestors — at most five codes, whatever the number of notices or readers.
 */
final class NoticeRules {
    /** Publish for their own region: the cadres of a township or above. */
    static final Role[] PUBLISHERS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE};
    /** Read notices (NOTICE and ANNOUNCEMENT); farmers read announcements only. */
    static final Role[] CADRES = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE,
            Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE};

    private NoticeRules() {
    }

    /** Cadres and farmers use notices; account managers and third-party systems do not (403). */
    static void requireReaderRole(Scope scope) {
        if (scope.role() != Role.FARMER) {
            scope.requireRole(CADRES);
        }
    }

    /** The kinds sent to the caller. */
    static List<NoticeKind> kinds(Scope scope) {
        return scope.role() == Role.FARMER ? List.of(NoticeKind.ANNOUNCEMENT) : List.of(NoticeKind.NOTICE, NoticeKind.ANNOUNCEMENT);
    }

    /**
     * The publishing regions whose notices reach the caller: its own region and its ancestors. Empty for a farmer
     * not bound to a household (it has no village of its own yet).
     */
    static List<String> sendingRegions(Scope scope) {
        if (scope.regionCode() == null || scope.role() == Role.FARMER && scope.householdId() == null) {
            return List.of();
        }
        return RegionCodes.path(scope.regionCode());
    }

    /** Whether a notice in this state is sent to the caller (it reads, confirms and is counted as a reader). */
    static boolean sentTo(Scope scope, NoticeKind kind, PolicyStatus status, String regionCode) {
        return status == PolicyStatus.PUBLISHED && kinds(scope).contains(kind) && sendingRegions(scope).contains(regionCode);
    }

    /** Whether the caller oversees the notice's region (its own region or below): it sees drafts and withdrawn ones. */
    static boolean manages(Scope scope, String regionCode) {
        return scope.hasRole(CADRES) && scope.covers(regionCode);
    }

    /** Whether the caller speaks for the publishing region: publishes, withdraws and sees who read. */
    static boolean publishes(Scope scope, String regionCode) {
        return scope.hasRole(PUBLISHERS) && regionCode.equals(scope.regionCode());
    }

    /** The region whose notices show read counts to the caller: its own, for a cadre; none for a farmer. */
    static String countingRegion(Scope scope) {
        return scope.hasRole(CADRES) ? scope.regionCode() : null;
    }
}
