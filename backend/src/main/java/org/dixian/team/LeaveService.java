package org.dixian.team;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.account.AccountService;
import org.dixian.checkin.CheckinTask;
import org.dixian.checkin.VillageDays;
import org.dixian.notification.Notifications;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Leave requests of resident-team members (请假): a member asks for themself within the dispatch period; the team's
 * leader or first secretary (not for their own leave) or a township cadre of the village decides. Days are calendar
 * days: a resident cadre's obligation is to be in the village, weekends included (src-docs/checkins.md).
 */
@ApplicationScoped
public class LeaveService {
    static final List<CheckinTask> VILLAGE_TASKS = List.of(CheckinTask.DUTY_DAY, CheckinTask.TEAM_ATTENDANCE);

    private final TeamService teams;
    private final LeaveRepository leaves;
    private final TeamEventRepository events;
    private final VillageDays villageDays;
    private final AccountService accounts;
    private final Notifications notifications;
    private final Idempotency idempotency;
    private final Clock clock;

    public LeaveService(TeamService teams, LeaveRepository leaves, TeamEventRepository events, VillageDays villageDays,
                        AccountService accounts, Notifications notifications, Idempotency idempotency, Clock clock) {
        this.teams = teams;
        this.leaves = leaves;
        this.events = events;
        this.villageDays = villageDays;
        this.accounts = accounts;
        this.notifications = notifications;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** The team's leave requests, newest period first. */
    @WithSession
    public Uni<List<Leave>> list(Scope scope, long teamId, LeaveStatus status) {
        return teams.visible(scope, teamId).chain(t -> leaves.ofTeam(teamId, status).chain(list -> views(t, list)));
    }

    /** A member asks for leave; the leaders (or, without one, the township's cadres) are told. */
    public Uni<Leave> request(Scope scope, long teamId, NewLeave in, String idempotencyKey) {
        String requestKey = idempotencyKey == null || idempotencyKey.isBlank() ? null : scope.accountId() + ":" + idempotencyKey;
        return idempotency.once("leave:" + scope.accountId(), idempotencyKey,
                () -> insert(scope, teamId, in, requestKey), id -> load(scope, teamId, id));
    }

    @WithTransaction
    Uni<Long> insert(Scope scope, long teamId, NewLeave in, String requestKey) {
        Uni<LeaveEntity> retried = requestKey == null ? Uni.createFrom().nullItem() : leaves.byRequestKey(requestKey);
        return retried.chain(done -> done != null ? Uni.createFrom().item(done.id) : teams.visible(scope, teamId).chain(t -> {
            TeamMemberEntity me = t.members().stream()
                    .filter(m -> m.accountId == scope.accountId() && m.currentOrComing(LocalDate.now(clock)))
                    .findFirst().orElseThrow(() -> ApiException.forbidden("只有本队在岗队员本人可以请假"));
            if (in.to().isBefore(in.from())) {
                throw ApiException.invalid("to", "结束日期不能早于开始日期");
            }
            if (in.from().isBefore(me.dispatchFrom)) {
                throw ApiException.invalid("from", "请假日期须在选派期内");
            }
            if (me.lastDay() != null && in.to().isAfter(me.lastDay())) {
                throw ApiException.invalid("to", "请假日期须在选派期内");
            }
            return leaves.overlaps(me.id, in.from(), in.to()).chain(overlap -> {
                if (overlap) {
                    throw ApiException.conflict("与您已提交或已批准的请假日期重叠");
                }
                LeaveEntity l = new LeaveEntity();
                l.teamId = teamId;
                l.memberId = me.id;
                l.accountId = me.accountId;
                l.fromDate = in.from();
                l.toDate = in.to();
                l.days = (int) ChronoUnit.DAYS.between(in.from(), in.to()) + 1;
                l.reason = in.reason().trim();
                l.status = LeaveStatus.PENDING;
                l.requestKey = requestKey;
                l.createdAt = OffsetDateTime.now(clock);
                return leaves.persistAndFlush(l).call(saved -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("from", saved.fromDate.toString());
                    data.put("to", saved.toDate.toString());
                    data.put("days", saved.days);
                    return events.append(teamId, me.id, saved.id, "LEAVE_REQUESTED", scope, saved.createdAt, saved.reason, data);
                }).call(saved -> tellApprovers(t, saved)).map(saved -> saved.id);
            });
        }));
    }

    private Uni<Void> tellApprovers(TeamService.Loaded t, LeaveEntity l) {
        LocalDate today = LocalDate.now(clock);
        List<Long> leaders = t.members().stream()
                .filter(m -> m.teamRole.leads() && m.servingOn(today) && m.accountId.longValue() != l.accountId)
                .map(m -> m.accountId).distinct().toList();
        String body = l.fromDate + " 至 " + l.toDate + "，共 " + l.days + " 天";
        String link = "/pages/team/leaves?teamId=" + t.team().id;
        if (!leaders.isEmpty()) {
            return notifications.toAccounts(leaders, "驻村队员请假待审批", body, link);
        }
        return notifications.toRegionRoles(RegionCodes.ancestorAt(t.team().villageCode, 4), List.of(Role.TOWNSHIP_CADRE),
                "驻村队员请假待审批", body, link);
    }

    /** Approves or refuses a pending leave (a refusal needs a comment); the requester is told. */
    public Uni<Leave> decide(Scope scope, long teamId, long leaveId, LeaveDecision in) {
        boolean approve = in.approve();
        String comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().trim();
        return decided(scope, teamId, leaveId, approve, comment).chain(() -> load(scope, teamId, leaveId));
    }

    @WithTransaction
    Uni<Void> decided(Scope scope, long teamId, long leaveId, boolean approve, String comment) {
        LocalDate today = LocalDate.now(clock);
        return teams.visible(scope, teamId).chain(t -> leaves.findById(leaveId).chain(l -> {
            if (l == null || l.teamId != teamId) {
                throw ApiException.notFound("未找到该请假");
            }
            if (l.accountId == scope.accountId()) {
                throw ApiException.forbidden("不能审批自己的请假");
            }
            TeamMemberEntity me = t.member(scope.accountId(), today);
            boolean leader = me != null && me.teamRole.leads();
            boolean township = scope.role() == Role.TOWNSHIP_CADRE && scope.covers(t.team().villageCode);
            if (!leader && !township) {
                throw ApiException.forbidden("只有本队队长、第一书记或乡镇干部可以审批请假");
            }
            if (l.status != LeaveStatus.PENDING) {
                throw ApiException.conflict("该请假已审批");
            }
            if (!approve && comment == null) {
                throw ApiException.invalid("comment", "不批准时请填写理由");
            }
            l.status = approve ? LeaveStatus.APPROVED : LeaveStatus.REFUSED;
            l.decidedBy = scope.accountId();
            l.decidedRole = scope.role();
            l.decidedAt = OffsetDateTime.now(clock);
            l.comment = comment;
            return events.append(teamId, l.memberId, l.id, approve ? "LEAVE_APPROVED" : "LEAVE_REFUSED", scope,
                            l.decidedAt, comment, Map.of())
                    .call(() -> notifications.toAccounts(List.of(l.accountId), approve ? "请假已批准" : "请假未批准",
                            l.fromDate + " 至 " + l.toDate + (comment == null ? "" : "：" + comment),
                            "/pages/team/leaves?teamId=" + teamId))
                    .replaceWithVoid();
        }));
    }

    @WithSession
    Uni<Leave> load(Scope scope, long teamId, long leaveId) {
        return teams.visible(scope, teamId).chain(t -> leaves.findById(leaveId).chain(l -> {
            if (l == null || l.teamId != teamId) {
                throw ApiException.notFound("未找到该请假");
            }
            return views(t, List.of(l)).map(v -> v.get(0));
        }));
    }

    private Uni<List<Leave>> views(TeamService.Loaded t, List<LeaveEntity> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        LocalDate from = list.stream().map(l -> l.fromDate).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = list.stream().map(l -> l.toDate).max(LocalDate::compareTo).orElseThrow();
        List<Long> people = new ArrayList<>(list.stream().map(l -> l.accountId).distinct().toList());
        list.stream().map(l -> l.decidedBy).filter(Objects::nonNull).distinct().forEach(people::add);
        return villageDays.of(list.stream().map(l -> l.accountId).distinct().toList(), t.team().villageCode, from, to, VILLAGE_TASKS)
                .chain(days -> accounts.names(people).map(names -> list.stream().map(l -> new Leave(l.id, l.teamId,
                        l.memberId, l.accountId, names.get(l.accountId), l.fromDate, l.toDate, l.days, l.reason, l.status,
                        days.getOrDefault(l.accountId, Map.of()).keySet().stream()
                                .filter(d -> !d.isBefore(l.fromDate) && !d.isAfter(l.toDate)).sorted().toList(),
                        l.decidedBy == null ? null : names.get(l.decidedBy) + "（" + l.decidedRole.label() + "）",
                        l.decidedAt, l.comment, l.createdAt)).toList()));
    }
}
