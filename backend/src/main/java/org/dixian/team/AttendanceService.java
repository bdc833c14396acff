package org.dixian.team;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.account.AccountService;
import org.dixian.checkin.CheckinSettings;
import org.dixian.checkin.CheckinTask;
import org.dixian.checkin.VillageDays;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A team's attendance for a month (src-docs/checkins.md): per member, the expected days (the team's days a month
 * prorated by the days of the month the member was dispatched), the dates recorded by DUTY_DAY or TEAM_ATTENDANCE
 * check-ins in the village, the 外勤 dates among them, and approved leave days not already recorded. Rows are in
 * team-role and name order; nothing is ranked.
 */
@ApplicationScoped
public class AttendanceService {
    private final TeamService teams;
    private final LeaveRepository leaves;
    private final VillageDays villageDays;
    private final AccountService accounts;
    private final CheckinSettings settings;
    private final Clock clock;

    public AttendanceService(TeamService teams, LeaveRepository leaves, VillageDays villageDays, AccountService accounts,
                             CheckinSettings settings, Clock clock) {
        this.teams = teams;
        this.leaves = leaves;
        this.villageDays = villageDays;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** The month's summary (default: this month in Beijing) for the team's members and the cadres over the village. */
    @WithSession
    public Uni<TeamAttendance> month(org.dixian.platform.security.Scope scope, long teamId, YearMonth month) {
        YearMonth m = month == null ? YearMonth.now(clock) : month;
        LocalDate first = m.atDay(1);
        LocalDate last = m.atEndOfMonth();
        return teams.visible(scope, teamId).chain(t -> {
            boolean record = settings.recordAttendance(t.team().villageCode);
            List<CheckinTask> tasks = record ? LeaveService.VILLAGE_TASKS : List.of(CheckinTask.DUTY_DAY);
            List<TeamMemberEntity> serving = t.members().stream().filter(x -> !x.dispatchFrom.isAfter(last)
                    && (x.lastDay() == null || !x.lastDay().isBefore(first))).toList();
            List<Long> people = serving.stream().map(x -> x.accountId).distinct().toList();
            return villageDays.of(people, t.team().villageCode, first, last, tasks)
                    .chain(days -> leaves.approvedBetween(teamId, first, last).chain(approved -> accounts.names(people)
                            .map(names -> {
                                List<AttendanceRow> rows = new ArrayList<>();
                                for (TeamMemberEntity x : serving) {
                                    rows.add(row(x, names.get(x.accountId), t.team().expectedDays, record, first, last,
                                            days.getOrDefault(x.accountId, Map.of()),
                                            approved.stream().filter(l -> l.memberId.equals(x.id)).toList()));
                                }
                                rows.sort(Comparator.comparing(AttendanceRow::teamRole)
                                        .thenComparing(AttendanceRow::name, TeamService.NAMES)
                                        .thenComparingLong(AttendanceRow::memberId));
                                return new TeamAttendance(teamId, m.toString(), record, rows);
                            })));
        });
    }

    /** One member's row; {@code days} maps each recorded date to whether all its check-ins were outside. */
    static AttendanceRow row(TeamMemberEntity x, String name, int expectedPerMonth, boolean record, LocalDate first,
                             LocalDate last, Map<LocalDate, Boolean> days, List<LeaveEntity> approved) {
        LocalDate from = x.dispatchFrom.isAfter(first) ? x.dispatchFrom : first;
        LocalDate to = x.lastDay() == null || x.lastDay().isAfter(last) ? last : x.lastDay();
        int dispatched = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int monthDays = (int) ChronoUnit.DAYS.between(first, last) + 1;
        int expected = record ? expected(expectedPerMonth, dispatched, monthDays) : 0;
        Set<LocalDate> recorded = new HashSet<>();
        int field = 0;
        for (var d : days.entrySet()) {
            if (!d.getKey().isBefore(from) && !d.getKey().isAfter(to)) {
                recorded.add(d.getKey());
                if (Boolean.TRUE.equals(d.getValue())) {
                    field++;
                }
            }
        }
        Set<LocalDate> leave = new HashSet<>();
        for (LeaveEntity l : approved) {
            for (LocalDate d = l.fromDate.isAfter(from) ? l.fromDate : from; !d.isAfter(l.toDate) && !d.isAfter(to); d = d.plusDays(1)) {
                if (!recorded.contains(d)) {
                    leave.add(d);
                }
            }
        }
        return new AttendanceRow(x.id, x.accountId, name, x.teamRole, expected, recorded.size(), leave.size(), field);
    }

    /** The month's expected days prorated by the dispatched days, rounded half up. */
    static int expected(int perMonth, int dispatchedDays, int monthDays) {
        return (int) Math.round((double) perMonth * dispatchedDays / monthDays);
    }
}
