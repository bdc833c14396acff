package org.dixian.account;

import org.dixian.platform.security.Role;
import org.dixian.region.Region;

import java.util.List;

/** The signed-in user: who, in what role, where (province → own region). */
public record Me(long id, String name, Role role, String position, String regionCode, int level, Long householdId,
                 String phone, List<Region> regionPath) {
}
