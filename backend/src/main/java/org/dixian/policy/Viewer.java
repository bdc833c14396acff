package org.dixian.policy;

import org.dixian.platform.security.RegionCodes;

import java.time.LocalDate;
import java.util.List;

/**
 * Who reads policies and from where: everyone sees the published policies in force of their region and its
 * ancestors; cadres also see every policy (drafts, withdrawn, expired) of their region and below. A farmer's region
 * is the village of the bound household.
 */
public record Viewer(String region, boolean cadre, LocalDate today, Long householdId) {

    /** The region itself and every region above it. */
    public List<String> ancestors() {
        return RegionCodes.path(region);
    }

    /** The code range of the region and below (used for cadres only). */
    public String[] range() {
        return RegionCodes.range(region);
    }
}
