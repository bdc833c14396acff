package org.dixian.checkin;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.account.AccountService;
import org.dixian.media.MediaService;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;
import org.dixian.team.TeamService;
import org.hibernate.JDBCException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check-ins as evidence for a piece of work (src-docs/checkins.md): the server's time, the device's position and
 * accuracy, inside or outside the village geofence (outside needs a reason), flags for what looks wrong, and the
 * task the check-in belongs to. Once per account, task and day; never changed afterwards.
 */
@ApplicationScoped
public class CheckinService {
    /** Who checks in: village-level roles and cadres of a township or above (not account managers). */
    static final Role[] WORKERS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE,
            Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE};
    /** Who reviews others' check-ins as evidence and sets geofences: cadres of a township or above. */
    static final Role[] SUPERVISORS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE};
    static final String NOT_FOUND = "未找到该签到，或无权查看";
    private static final Pattern TEAM_REF = Pattern.compile("^team:([0-9]{1,18})$");

    private final CheckinRepository checkins;
    private final GeofenceService geofences;
    private final CheckinSettings settings;
    private final RegionService regions;
    private final AccountService accounts;
    private final MediaService media;
    private final TeamService teams;
    private final Idempotency idempotency;
    private final Clock clock;

    public CheckinService(CheckinRepository checkins, GeofenceService geofences, CheckinSettings settings,
                          RegionService regions, AccountService accounts, MediaService media, TeamService teams,
                          Idempotency idempotency, Clock clock) {
        this.checkins = checkins;
        this.geofences = geofences;
        this.settings = settings;
        this.regions = regions;
        this.accounts = accounts;
        this.media = media;
        this.teams = teams;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** A check-in as answered: {@code created} false when the same work of the same day was already recorded. */
    public record Recorded(Checkin checkin, boolean created) {
    }

    /** The rules of the caller's province. */
    public CheckinRules rules(Scope scope) {
        scope.requireRole(WORKERS);
        return settings.rules(scope.regionCode());
    }

    /** Records a check-in, or answers the one already recorded for the same work today (and for a retried key). */
    public Uni<Recorded> checkIn(Scope scope, NewCheckin in, String idempotencyKey) {
        scope.requireRole(WORKERS);
        String village = in.villageCode();
        if (RegionCodes.level(village) != 5) {
            throw ApiException.invalid("villageCode", "请选择村（社区）");
        }
        scope.requireCovers(village);
        String taskRef = in.taskRef() == null || in.taskRef().isBlank() ? null : in.taskRef().trim();
        Long teamId = null;
        if (in.task() == CheckinTask.TEAM_ATTENDANCE) {
            if (!settings.recordAttendance(village)) {
                throw ApiException.conflict("本省未要求记录驻村考勤");
            }
            Matcher m = taskRef == null ? null : TEAM_REF.matcher(taskRef);
            if (m == null || !m.matches()) {
                throw ApiException.invalid("taskRef", "驻村考勤须关联本人所在的工作队（team:工作队编号）");
            }
            teamId = Long.parseLong(m.group(1));
        }
        Long team = teamId;
        LocalDate today = LocalDate.now(clock);
        String ref = taskRef;
        return regions.find(village).chain(found -> {
            if (found == null) {
                throw ApiException.invalid("villageCode", "村不存在：" + village);
            }
            if (team == null) {
                return Uni.createFrom().voidItem();
            }
            return teams.isActiveMember(scope.accountId(), team, village, today).map(member -> {
                if (!member) {
                    throw ApiException.invalid("taskRef", "您不是该村在岗的驻村工作队队员，不能记录驻村考勤");
                }
                return null;
            });
        }).chain(() -> idempotency.onceCreated("checkin:" + scope.accountId(), idempotencyKey,
                () -> recordOnce(scope, in, ref, idempotencyKey),
                id -> view(id).map(c -> new Recorded(c, false))));
    }

    private Uni<Idempotency.Created<Recorded>> recordOnce(Scope scope, NewCheckin in, String taskRef, String key) {
        String requestKey = key == null || key.isBlank() ? null : scope.accountId() + ":" + key;
        return record(scope, in, taskRef, requestKey)
                // Two requests raced past the same-work check: the unique constraint decided, answer the winner.
                .onFailure(CheckinService::duplicate).recoverWithUni(() -> existing(scope, in, taskRef, requestKey))
                .chain(r -> r.created() ? Uni.createFrom().item(r) : view(r.checkin().id()).map(c -> new Recorded(c, false)))
                .map(r -> new Idempotency.Created<>(r.checkin().id(), r));
    }

    @WithTransaction
    Uni<Recorded> record(Scope scope, NewCheckin in, String taskRef, String requestKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(clock.getZone()).toLocalDate();
        Uni<CheckinEntity> byKey = requestKey == null ? Uni.createFrom().nullItem() : checkins.byRequestKey(requestKey);
        return byKey.chain(k -> k != null ? Uni.createFrom().item(k)
                : checkins.sameWork(scope.accountId(), in.task(), taskRef, today)).chain(same -> {
            if (same != null) {
                return Uni.createFrom().item(new Recorded(same.view(null, null), false));
            }
            return geofences.current(in.villageCode()).chain(fence -> checkins.previous(scope.accountId()).chain(prev -> {
                CheckinEntity c = new CheckinEntity();
                c.accountId = scope.accountId();
                c.role = scope.role();
                c.region = scope.regionCode();
                c.task = in.task();
                c.taskRef = taskRef;
                c.villageCode = in.villageCode();
                c.at = now;
                c.day = today;
                c.latitude = in.latitude();
                c.longitude = in.longitude();
                c.accuracy = in.accuracy();
                c.clientTime = in.clientTime();
                c.requestKey = requestKey;
                c.photoId = in.photoId();
                String reason = in.fieldReason() == null || in.fieldReason().isBlank() ? null : in.fieldReason().trim();
                if (fence != null) {
                    c.distanceMeters = Math.round(GeoMath.distanceMeters(fence.latitude, fence.longitude, c.latitude, c.longitude) * 10) / 10.0;
                    c.inside = GeoMath.inside(c.distanceMeters, fence.radiusMeters);
                    if (!c.inside && reason == null) {
                        throw ApiException.invalid("fieldReason", "不在村范围内，请填写外勤原因");
                    }
                }
                c.fieldReason = reason;
                GeoMath.Position previous = prev == null ? null
                        : new GeoMath.Position(prev.latitude, prev.longitude, prev.accuracy, prev.at);
                Set<CheckinFlag> flags = GeoMath.flags(c.accuracy, fence != null, c.clientTime, now, previous,
                        c.latitude, c.longitude);
                c.flags = flags.stream().map(Enum::name).toList();
                return checkins.persistAndFlush(c)
                        .call(saved -> media.attach(scope, saved.photoId == null ? null : List.of(saved.photoId),
                                saved.villageCode, "checkin:" + saved.id, "photoId"))
                        .chain(saved -> names(saved).map(v -> new Recorded(v, true)));
            }));
        });
    }

    @WithSession
    Uni<Recorded> existing(Scope scope, NewCheckin in, String taskRef, String requestKey) {
        Uni<CheckinEntity> byKey = requestKey == null ? Uni.createFrom().nullItem() : checkins.byRequestKey(requestKey);
        return byKey.chain(k -> k != null ? Uni.createFrom().item(k)
                        : checkins.sameWork(scope.accountId(), in.task(), taskRef, LocalDate.now(clock)))
                .map(c -> {
                    if (c == null) {
                        throw ApiException.conflict("签到正在处理中，请稍后再试");
                    }
                    return new Recorded(c.view(null, null), false);
                });
    }

    /** One check-in: its owner, or a cadre of a township or above whose region covers its village (evidence review). */
    @WithSession
    public Uni<Checkin> get(Scope scope, long id) {
        scope.requireRole(WORKERS);
        return checkins.findById(id).chain(c -> {
            boolean own = c != null && c.accountId == scope.accountId();
            boolean supervised = c != null && scope.hasRole(SUPERVISORS) && scope.covers(c.villageCode);
            if (!own && !supervised) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return names(c);
        });
    }

    /** The caller's own check-ins of a month (default: this month in Beijing), in time order. */
    @WithSession
    public Uni<List<Checkin>> mine(Scope scope, YearMonth month) {
        scope.requireRole(WORKERS);
        YearMonth m = month == null ? YearMonth.now(clock) : month;
        return checkins.ofAccount(scope.accountId(), m.atDay(1), m.atEndOfMonth()).chain(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().item(List.<Checkin>of());
            }
            return accounts.names(List.of(scope.accountId())).chain(people -> regions.names(
                            list.stream().map(c -> c.villageCode).distinct().toList())
                    .map(villages -> list.stream().map(c -> c.view(people.get(c.accountId), villages.get(c.villageCode))).toList()));
        });
    }

    @WithSession
    Uni<Checkin> view(long id) {
        return checkins.findById(id).chain(this::names);
    }

    private Uni<Checkin> names(CheckinEntity c) {
        return accounts.names(List.of(c.accountId)).chain(people -> regions.names(List.of(c.villageCode))
                .map(villages -> c.view(people.get(c.accountId), villages.get(c.villageCode))));
    }

    static boolean duplicate(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (c instanceof JDBCException j && "23505".equals(j.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
