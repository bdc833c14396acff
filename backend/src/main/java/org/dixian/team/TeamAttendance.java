package org.dixian.team;

import java.util.List;

/** A team's month, one row per member in team-role and name order: a summary, never a ranking. */
public record TeamAttendance(long teamId, String month, boolean recordAttendance, List<AttendanceRow> rows) {
}
