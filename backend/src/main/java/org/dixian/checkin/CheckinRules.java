package org.dixian.checkin;

/** The check-in rules of the caller's province (src-docs/checkins.md). */
public record CheckinRules(boolean recordAttendance, int defaultRadiusMeters, int expectedDaysPerMonth) {
}
