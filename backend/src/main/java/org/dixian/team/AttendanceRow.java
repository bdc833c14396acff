package org.dixian.team;

/** One member's month: days expected in the village, days recorded by check-ins, approved leave days, 外勤 days. */
public record AttendanceRow(long memberId, long accountId, String name, TeamRole teamRole, int expected, int recorded,
                            int onLeave, int fieldDays) {
}
