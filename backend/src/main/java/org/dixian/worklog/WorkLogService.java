package org.dixian.worklog;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.account.AccountService;
import org.dixian.household.HouseholdService;
import org.dixian.media.MediaService;
import org.dixian.notification.Notifications;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.persistence.Actor;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 驻村日志 (src-docs/checkins.md, "Village work logs"): written by the village's own cadres (and its township's) about
 * work done in the last week, read by the cadres whose region holds the village, commented on by supervisors.
 * Logs and comments are append-only; lists are in order of writing, never of people.
 */
@ApplicationScoped
public class WorkLogService {
    /** Village roles write for their own village. */
    static final Role[] VILLAGE_WRITERS = {Role.RESIDENT_CADRE, Role.VILLAGE_CADRE, Role.INFO_OFFICER};
    /** Cadres who read the logs of their region (account managers have no access to village work). */
    static final Role[] READERS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE,
            Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE};
    /** Supervisors who comment (批注): township cadres and above. */
    static final Role[] COMMENTERS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE};
    /** How far back a log may be dated. */
    static final int WINDOW_DAYS = 7;
    static final int MAX_EXPORT_DAYS = 366;
    static final int MAX_EXPORT_ROWS = 50_000;
    static final String NOT_FOUND = "未找到该日志，或不在您的管辖范围内";

    private final WorkLogRepository logs;
    private final WorkLogCommentRepository comments;
    private final HouseholdService households;
    private final MediaService media;
    private final AccountService accounts;
    private final RegionService regions;
    private final Notifications notifications;
    private final Idempotency idempotency;
    private final Clock clock;

    public WorkLogService(WorkLogRepository logs, WorkLogCommentRepository comments, HouseholdService households,
                          MediaService media, AccountService accounts, RegionService regions, Notifications notifications,
                          Idempotency idempotency, Clock clock) {
        this.logs = logs;
        this.comments = comments;
        this.households = households;
        this.media = media;
        this.accounts = accounts;
        this.regions = regions;
        this.notifications = notifications;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Writes a log for a village the caller works in, dated within the last week; retry-safe with a key. */
    public Uni<WorkLog> write(Scope scope, NewWorkLog in, String idempotencyKey) {
        String village = in.villageCode();
        if (scope.hasRole(VILLAGE_WRITERS)) {
            if (!village.equals(scope.regionCode())) {
                throw ApiException.forbidden("只能为本村写驻村日志");
            }
        } else if (scope.hasRole(Role.TOWNSHIP_CADRE)) {
            if (!scope.covers(village)) {
                throw ApiException.forbidden("只能为本乡镇的村写驻村日志");
            }
        } else {
            throw ApiException.forbidden("当前角色（" + scope.role().label() + "）无权写驻村日志");
        }
        if (RegionCodes.level(village) != 5) {
            throw ApiException.invalid("villageCode", "驻村日志须写给一个村（社区）");
        }
        LocalDate today = LocalDate.now(clock);
        if (in.date().isAfter(today)) {
            throw ApiException.invalid("date", "工作日期不能晚于今天");
        }
        if (in.date().isBefore(today.minusDays(WINDOW_DAYS))) {
            throw ApiException.invalid("date", "工作日期不能早于 " + WINDOW_DAYS + " 天前（" + today.minusDays(WINDOW_DAYS) + "）");
        }
        if ((in.latitude() == null) != (in.longitude() == null)) {
            throw ApiException.invalid(in.latitude() == null ? "latitude" : "longitude", "经纬度须同时提供");
        }
        if (in.householdIds() != null && in.householdIds().stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiException.invalid("householdIds", "关联农户编号不能为空");
        }
        return idempotency.once("worklog:" + scope.accountId(), idempotencyKey, () -> insert(scope, in, idempotencyKey),
                id -> load(scope, id));
    }

    @WithTransaction
    Uni<Long> insert(Scope scope, NewWorkLog in, String requestKey) {
        String scopedKey = requestKey == null ? null : scope.accountId() + ":" + requestKey;
        Uni<WorkLogEntity> earlier = scopedKey == null ? Uni.createFrom().nullItem() : logs.findByRequestKey(scopedKey);
        List<Long> householdIds = in.householdIds() == null ? List.of() : in.householdIds().stream().distinct().toList();
        List<Long> photoIds = in.photoIds() == null ? List.of() : in.photoIds();
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found.id) : regions.find(in.villageCode())
                .chain(region -> {
                    if (region == null) {
                        throw ApiException.invalid("villageCode", "区划不存在：" + in.villageCode());
                    }
                    return households.heads(householdIds);
                }).chain(heads -> {
                    for (Long id : householdIds) {
                        HouseholdService.Head h = heads.get(id);
                        if (h == null || !in.villageCode().equals(h.regionCode())) {
                            throw ApiException.invalid("householdIds", "农户 " + id + " 不存在或不是该村的农户");
                        }
                    }
                    WorkLogEntity log = new WorkLogEntity();
                    log.accountId = scope.accountId();
                    log.authorRole = scope.role();
                    log.authorRegion = scope.regionCode();
                    log.villageCode = in.villageCode();
                    log.workDate = in.date();
                    log.content = in.content().trim();
                    log.photoIds = new ArrayList<>(photoIds);
                    log.householdIds = new ArrayList<>(householdIds);
                    log.latitude = in.latitude();
                    log.longitude = in.longitude();
                    log.accuracy = in.accuracy();
                    log.taskRef = in.taskRef() == null || in.taskRef().isBlank() ? null : in.taskRef().trim();
                    log.requestKey = scopedKey;
                    log.createdAt = OffsetDateTime.now(clock);
                    return logs.persist(log);
                }).call(log -> media.attach(scope, photoIds, log.villageCode, "worklog:" + log.id, "photoIds"))
                .map(log -> log.id));
    }

    @WithSession
    Uni<WorkLog> load(Scope scope, long id) {
        return visible(scope, id).chain(this::view);
    }

    /** One log with its comments, for a reader whose region holds its village. */
    @WithSession
    public Uni<WorkLog> get(Scope scope, long id) {
        requireReader(scope);
        return visible(scope, id).chain(this::view);
    }

    /** The logs of the caller's region (or a region within it) in a period, newest first, by keyset. */
    @WithSession
    public Uni<WorkLogPage> list(Scope scope, String region, LocalDate from, LocalDate to, Long after, int limit) {
        requireReader(scope);
        String[] range = rangeOf(scope, region);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.invalid("to", "结束日期不能早于开始日期");
        }
        return logs.page(range, from, to, after, limit + 1).chain(rows -> {
            boolean more = rows.size() > limit;
            List<WorkLogEntity> page = more ? rows.subList(0, limit) : rows;
            return views(page).map(items -> new WorkLogPage(items, more ? page.get(page.size() - 1).id : null));
        });
    }

    /** A supervisor's comment; appended, and the author is told. */
    @WithTransaction
    public Uni<WorkLog> comment(Scope scope, long id, NewLogComment in) {
        scope.requireRole(COMMENTERS);
        return visible(scope, id).call(log -> {
            WorkLogCommentEntity c = new WorkLogCommentEntity();
            c.logId = log.id;
            c.actor = Actor.of(scope);
            c.content = in.content().trim();
            c.at = OffsetDateTime.now(clock);
            return comments.persist(c);
        }).call(log -> log.accountId.equals(scope.actorId()) ? Uni.createFrom().voidItem()
                : notifications.toAccounts(List.of(log.accountId), "日志有新批注",
                        scope.role().label() + "对您 " + log.workDate + " 的驻村日志作了批注", link(log.id)))
                .chain(this::view);
    }

    /** What an export writes: the logs of a region and period (both ends required, at most 366 days). */
    @WithSession
    public Uni<List<WorkLogExport.Row>> exportRows(Scope scope, String region, LocalDate from, LocalDate to) {
        requireReader(scope);
        if (from == null) {
            throw ApiException.invalid("from", "请选择开始日期");
        }
        if (to == null) {
            throw ApiException.invalid("to", "请选择结束日期");
        }
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "结束日期不能早于开始日期");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_EXPORT_DAYS) {
            throw ApiException.invalid("to", "导出时段不能超过 " + MAX_EXPORT_DAYS + " 天");
        }
        String[] range = rangeOf(scope, region);
        return logs.page(range, from, to, null, MAX_EXPORT_ROWS + 1).chain(rows -> {
            if (rows.size() > MAX_EXPORT_ROWS) {
                throw ApiException.invalid("to", "该区划和时段的日志超过 " + MAX_EXPORT_ROWS + " 条，请缩小区划或时段");
            }
            return comments.ofPeriod(range, from, to).chain(cs -> names(rows, cs).map(n -> {
                Map<Long, List<WorkLogCommentEntity>> byLog = new java.util.HashMap<>();
                cs.forEach(c -> byLog.computeIfAbsent(c.logId, k -> new ArrayList<>()).add(c));
                List<WorkLogEntity> ordered = new ArrayList<>(rows);
                ordered.sort(java.util.Comparator.comparing((WorkLogEntity l) -> l.workDate)
                        .thenComparing(l -> l.villageCode).thenComparing(l -> l.id));
                return ordered.stream().map(l -> new WorkLogExport.Row(l.workDate, l.villageCode,
                        n.regions().get(l.villageCode), n.accounts().get(l.accountId), l.authorRole, l.content,
                        l.photoIds.size(), l.householdIds.size(),
                        byLog.getOrDefault(l.id, List.of()).stream().map(c -> new WorkLogExport.Comment(
                                n.accounts().get(c.actor.id), c.actor.role, c.content, c.at)).toList())).toList();
            }));
        });
    }

    static String link(long logId) {
        return "/pages/logs/detail?id=" + logId;
    }

    private Uni<WorkLogEntity> visible(Scope scope, long id) {
        return logs.findById(id).map(log -> {
            if (log == null || !scope.covers(log.villageCode)) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return log;
        });
    }

    private static String[] rangeOf(Scope scope, String region) {
        String from = region == null ? scope.regionCode() : region;
        if (from == null) {
            throw ApiException.invalid("region", "请选择区划");
        }
        if (!scope.covers(from)) {
            throw ApiException.invalid("region", "只能查看本人管辖区划内的驻村日志");
        }
        return RegionCodes.range(from);
    }

    private static void requireReader(Scope scope) {
        if (!scope.hasRole(READERS)) {
            throw ApiException.forbidden("当前角色（" + scope.role().label() + "）无权查看驻村日志");
        }
    }

    private record Names(Map<Long, String> accounts, Map<String, String> regions) {
    }

    private Uni<Names> names(List<WorkLogEntity> list, List<WorkLogCommentEntity> cs) {
        Set<Long> people = new HashSet<>();
        Set<String> villages = new HashSet<>();
        list.forEach(l -> {
            people.add(l.accountId);
            villages.add(l.villageCode);
        });
        cs.forEach(c -> {
            if (c.actor.id != null) {
                people.add(c.actor.id);
            }
        });
        return accounts.names(people).chain(a -> regions.names(villages).map(r -> new Names(a, r)));
    }

    private Uni<WorkLog> view(WorkLogEntity log) {
        return views(List.of(log)).map(l -> l.get(0));
    }

    private Uni<List<WorkLog>> views(List<WorkLogEntity> list) {
        return comments.ofLogs(list.stream().map(l -> l.id).toList()).chain(cs -> names(list, cs).map(n -> list.stream()
                .map(l -> new WorkLog(l.id, l.accountId, n.accounts().get(l.accountId), l.authorRole, l.villageCode,
                        n.regions().get(l.villageCode), l.workDate, l.content, List.copyOf(l.photoIds), l.latitude,
                        l.longitude, l.accuracy, List.copyOf(l.householdIds), l.taskRef,
                        cs.stream().filter(c -> c.logId.equals(l.id)).map(c -> new LogComment(c.id,
                                c.actor.id == null ? null : n.accounts().get(c.actor.id), c.actor.role, c.actor.region,
                                c.content, c.at)).toList(),
                        l.createdAt)).toList()));
    }
}
