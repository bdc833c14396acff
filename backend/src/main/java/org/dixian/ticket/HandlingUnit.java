package org.dixian.ticket;

/**
 * Where a ticket is given: a region's own cadres, or a department (then {@code region} is the department's region and
 * its name is kept on the step as it was at the time).
 */
record HandlingUnit(String region, Long departmentId, String departmentName) {
    static HandlingUnit region(String code) {
        return new HandlingUnit(code, null, null);
    }
}
