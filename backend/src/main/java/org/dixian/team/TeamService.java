package org.dixian.team;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.account.AccountService;
import org.dixian.checkin.CheckinSettings;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.persistence.Actor;
import org.dixian.platform.security.Principal;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Resident teams (驻村工作队, src-docs/checkins.md): formed by township cadres and above for a village in their region,
 * one active team per village; members are resident-cadre accounts of that village with a team role and a dispatch
 * period, one active membership per account. Ending a member keeps the row. Every change is a team_event.
 */
@ApplicationScoped
public class TeamService {
    /** Who may look at teams at all: cadres (not account managers); the village must lie in their region. */
    static final Role[] READERS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE,
            Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE};
    /** Who forms teams and dispatches members: cadres of a township or above. */
    static final Role[] MANAGERS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE};
    static final String NOT_FOUND = "未找到该工作队，或不在您的管辖范围内";
    static final Comparator<String> NAMES = Comparator.nullsLast(Collator.getInstance(Locale.CHINA)::compare);

    private final TeamRepository teams;
    private final TeamMemberRepository members;
    private final TeamEventRepository events;
    private final UnitDirectory units;
    private final AccountService accounts;
    private final RegionService regions;
    private final CheckinSettings settings;
    private final Idempotency idempotency;
    private final Clock clock;

    public TeamService(TeamRepository teams, TeamMemberRepository members, TeamEventRepository events,
                       UnitDirectory units, AccountService accounts, RegionService regions, CheckinSettings settings,
                       Idempotency idempotency, Clock clock) {
        this.teams = teams;
        this.members = members;
        this.events = events;
        this.units = units;
        this.accounts = accounts;
        this.regions = regions;
        this.settings = settings;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** A team with its members, as loaded for a decision. */
    record Loaded(TeamEntity team, List<TeamMemberEntity> members) {
        TeamMemberEntity member(long accountId, LocalDate day) {
            return members.stream().filter(m -> m.accountId == accountId && m.servingOn(day)).findFirst().orElse(null);
        }

        boolean hasMember(long accountId) {
            return members.stream().anyMatch(m -> m.accountId == accountId);
        }
    }

    /** The teams of villages in the caller's region, or in a region within it. */
    @WithSession
    public Uni<List<ResidentTeam>> list(Scope scope, String region) {
        scope.requireRole(READERS);
        String from = region == null ? scope.regionCode() : region;
        if (from == null || !scope.covers(from)) {
            throw ApiException.invalid("region", "只能查看本人管辖区划内的工作队");
        }
        return teams.inRange(RegionCodes.range(from)).chain(this::views);
    }

    /** The teams the caller serves in now or is dispatched to. */
    @WithSession
    public Uni<List<ResidentTeam>> mine(Scope scope) {
        scope.requireRole(READERS);
        LocalDate today = LocalDate.now(clock);
        return members.ofAccount(scope.accountId()).chain(list -> teams.byIds(list.stream()
                .filter(m -> m.currentOrComing(today)).map(m -> m.teamId).distinct().toList())).chain(this::views);
    }

    /** One team: its members (past ones too) and the cadres whose region covers its village. */
    @WithSession
    public Uni<ResidentTeam> get(Scope scope, long id) {
        return visible(scope, id).chain(this::view);
    }

    /** Forms a team for a village; retry-safe with an Idempotency-Key. */
    public Uni<ResidentTeam> create(Scope scope, NewResidentTeam in, String idempotencyKey) {
        scope.requireRole(MANAGERS);
        String village = in.villageCode();
        if (RegionCodes.level(village) != 5) {
            throw ApiException.invalid("villageCode", "驻村工作队只能派驻到村（社区）");
        }
        scope.requireCovers(village);
        if (in.endDate() != null && in.endDate().isBefore(in.startDate())) {
            throw ApiException.invalid("endDate", "结束日期不能早于组建日期");
        }
        Uni<Void> unit = in.unitId() == null ? Uni.createFrom().voidItem() : units.names(List.of(in.unitId())).map(names -> {
            if (!names.containsKey(in.unitId())) {
                throw ApiException.invalid("unitId", "帮扶单位不存在");
            }
            return null;
        });
        return regions.find(village).chain(found -> {
            if (found == null) {
                throw ApiException.invalid("villageCode", "村不存在：" + village);
            }
            return unit;
        }).chain(() -> idempotency.once("team:" + scope.accountId(), idempotencyKey,
                () -> insert(scope, in, idempotencyKey == null || idempotencyKey.isBlank() ? null
                        : scope.accountId() + ":" + idempotencyKey),
                this::load));
    }

    @WithTransaction
    Uni<Long> insert(Scope scope, NewResidentTeam in, String requestKey) {
        Uni<TeamEntity> retried = requestKey == null ? Uni.createFrom().nullItem() : teams.byRequestKey(requestKey);
        return retried.chain(done -> done != null ? Uni.createFrom().item(done.id)
                : teams.activeIn(in.villageCode(), LocalDate.now(clock)).chain(active -> {
            if (active) {
                throw ApiException.conflict("该村已有在岗的驻村工作队");
            }
            TeamEntity t = new TeamEntity();
            t.villageCode = in.villageCode();
            t.unitId = in.unitId();
            t.startDate = in.startDate();
            t.endDate = in.endDate();
            t.expectedDays = in.expectedDaysPerMonth() == null ? settings.expectedDays() : in.expectedDaysPerMonth();
            t.requestKey = requestKey;
            t.createdAt = OffsetDateTime.now(clock);
            t.actor = Actor.of(scope);
            return teams.persistAndFlush(t).call(saved -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("villageCode", saved.villageCode);
                data.put("unitId", saved.unitId);
                data.put("startDate", saved.startDate.toString());
                data.put("endDate", saved.endDate == null ? null : saved.endDate.toString());
                data.put("expectedDays", saved.expectedDays);
                return events.append(saved.id, null, null, "CREATED", scope, saved.createdAt, null, data);
            }).map(saved -> saved.id);
        }));
    }

    /** Dispatches a resident cadre of the team's village to the team. */
    public Uni<ResidentTeam> addMember(Scope scope, long teamId, NewTeamMember in) {
        scope.requireRole(MANAGERS);
        if (in.dispatchTo() != null && in.dispatchTo().isBefore(in.dispatchFrom())) {
            throw ApiException.invalid("dispatchTo", "选派结束日期不能早于开始日期");
        }
        return accounts.principalOf(in.accountId())
                .onFailure(ApiException.class).transform(e -> ApiException.invalid("accountId", "须为该村在用的驻村干部账号"))
                .chain(person -> addMember(scope, teamId, in, person))
                .chain(this::load);
    }

    @WithTransaction
    Uni<Long> addMember(Scope scope, long teamId, NewTeamMember in, Principal person) {
        LocalDate today = LocalDate.now(clock);
        return managed(scope, teamId).chain(t -> {
            TeamEntity team = t.team();
            if (!team.activeOn(today)) {
                throw ApiException.conflict("该工作队已结束，不能再选派队员");
            }
            if (person.role() != Role.RESIDENT_CADRE || !team.villageCode.equals(person.regionCode())) {
                throw ApiException.invalid("accountId", "须为该村在用的驻村干部账号");
            }
            if (in.dispatchFrom().isBefore(team.startDate)) {
                throw ApiException.invalid("dispatchFrom", "选派开始日期不能早于工作队组建日期");
            }
            if (team.endDate != null && in.dispatchFrom().isAfter(team.endDate)) {
                throw ApiException.invalid("dispatchFrom", "选派开始日期不能晚于工作队结束日期");
            }
            if (team.endDate != null && in.dispatchTo() != null && in.dispatchTo().isAfter(team.endDate)) {
                throw ApiException.invalid("dispatchTo", "选派结束日期不能晚于工作队结束日期");
            }
            if (in.dispatchTo() != null && in.dispatchTo().isBefore(today)) {
                throw ApiException.invalid("dispatchTo", "选派期已过，无需再选派");
            }
            long accountId = Long.parseLong(person.subject());
            return members.ofAccount(accountId).chain(mine -> {
                if (mine.stream().anyMatch(m -> m.currentOrComing(today))) {
                    throw ApiException.conflict("该干部已在驻村工作队任职，请先结束原选派");
                }
                TeamMemberEntity m = new TeamMemberEntity();
                m.teamId = team.id;
                m.accountId = accountId;
                m.teamRole = in.teamRole();
                m.sendingUnit = in.sendingUnit() == null || in.sendingUnit().isBlank() ? null : in.sendingUnit().trim();
                m.dispatchFrom = in.dispatchFrom();
                m.dispatchTo = in.dispatchTo();
                m.createdAt = OffsetDateTime.now(clock);
                return members.persistAndFlush(m).call(saved -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("accountId", saved.accountId);
                    data.put("teamRole", saved.teamRole.name());
                    data.put("sendingUnit", saved.sendingUnit);
                    data.put("dispatchFrom", saved.dispatchFrom.toString());
                    data.put("dispatchTo", saved.dispatchTo == null ? null : saved.dispatchTo.toString());
                    return events.append(team.id, saved.id, null, "MEMBER_ADDED", scope, saved.createdAt, null, data);
                }).replaceWith(team.id);
            });
        });
    }

    /** Ends a member's dispatch (期满或召回): the row stays with the end date and reason. */
    public Uni<ResidentTeam> endMember(Scope scope, long teamId, long memberId, EndTeamMember in) {
        scope.requireRole(MANAGERS);
        return end(scope, teamId, memberId, in).chain(this::load);
    }

    @WithTransaction
    Uni<Long> end(Scope scope, long teamId, long memberId, EndTeamMember in) {
        return managed(scope, teamId).chain(t -> {
            TeamMemberEntity m = t.members().stream().filter(x -> x.id == memberId).findFirst()
                    .orElseThrow(() -> ApiException.notFound("未找到该队员"));
            if (m.endedOn != null) {
                throw ApiException.conflict("该队员已离队");
            }
            if (in.endDate().isBefore(m.dispatchFrom)) {
                throw ApiException.invalid("endDate", "离队日期不能早于选派开始日期");
            }
            m.endedOn = in.endDate();
            m.endReason = in.reason().trim();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("endedOn", m.endedOn.toString());
            return events.append(teamId, m.id, null, "MEMBER_ENDED", scope, OffsetDateTime.now(clock), m.endReason, data)
                    .replaceWith(teamId);
        });
    }

    /**
     * Forms a team for a village without a caller (demo data) with one member, unless the village has an active team
     * or the account already serves somewhere.
     */
    @WithTransaction
    public Uni<Void> seed(String villageCode, long accountId, TeamRole role, String sendingUnit, LocalDate from) {
        LocalDate today = LocalDate.now(clock);
        return teams.activeIn(villageCode, today).chain(active -> active ? Uni.createFrom().voidItem()
                : members.ofAccount(accountId).chain(mine -> {
            if (mine.stream().anyMatch(m -> m.currentOrComing(today))) {
                return Uni.createFrom().voidItem();
            }
            TeamEntity t = new TeamEntity();
            t.villageCode = villageCode;
            t.startDate = from;
            t.expectedDays = settings.expectedDays();
            t.createdAt = OffsetDateTime.now(clock);
            return teams.persistAndFlush(t).call(saved -> events.append(saved.id, null, null, "CREATED", null,
                    saved.createdAt, "初始化数据", Map.of())).chain(saved -> {
                TeamMemberEntity m = new TeamMemberEntity();
                m.teamId = saved.id;
                m.accountId = accountId;
                m.teamRole = role;
                m.sendingUnit = sendingUnit;
                m.dispatchFrom = from;
                m.createdAt = saved.createdAt;
                return members.persistAndFlush(m).call(x -> events.append(saved.id, x.id, null, "MEMBER_ADDED", null,
                        saved.createdAt, "初始化数据", Map.of()));
            }).replaceWithVoid();
        }));
    }

    /** Whether the account serves in the team of that village on that day (for resident-team attendance check-ins). */
    @WithSession
    public Uni<Boolean> isActiveMember(long accountId, long teamId, String villageCode, LocalDate day) {
        return teams.findById(teamId).chain(t -> {
            if (t == null || !t.villageCode.equals(villageCode) || !t.activeOn(day)) {
                return Uni.createFrom().item(false);
            }
            return members.ofTeam(teamId).map(list -> list.stream().anyMatch(m -> m.accountId == accountId && m.servingOn(day)));
        });
    }

    /** A team the caller may see: a member of it (now or before), or a cadre whose region covers its village. */
    Uni<Loaded> visible(Scope scope, long id) {
        scope.requireRole(READERS);
        return loaded(id).map(t -> {
            if (t == null || !(scope.covers(t.team().villageCode) || t.hasMember(scope.accountId()))) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return t;
        });
    }

    /** A team in the caller's region, for managers. */
    private Uni<Loaded> managed(Scope scope, long id) {
        return loaded(id).map(t -> {
            if (t == null || !scope.covers(t.team().villageCode)) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return t;
        });
    }

    private Uni<Loaded> loaded(long id) {
        return teams.findById(id).chain(t -> t == null ? Uni.createFrom().nullItem()
                : members.ofTeam(id).map(list -> new Loaded(t, list)));
    }

    @WithSession
    Uni<ResidentTeam> load(long id) {
        return loaded(id).chain(this::view);
    }

    Uni<ResidentTeam> view(Loaded t) {
        return views(List.of(t.team()), t.members()).map(l -> l.get(0));
    }

    private Uni<List<ResidentTeam>> views(List<TeamEntity> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return members.ofTeams(list.stream().map(t -> t.id).toList()).chain(all -> views(list, all));
    }

    private Uni<List<ResidentTeam>> views(List<TeamEntity> list, List<TeamMemberEntity> all) {
        List<Long> unitIds = list.stream().map(t -> t.unitId).filter(Objects::nonNull).distinct().toList();
        return accounts.names(all.stream().map(m -> m.accountId).distinct().toList())
                .chain(people -> regions.names(list.stream().map(t -> t.villageCode).distinct().toList())
                        .chain(villages -> (unitIds.isEmpty() ? Uni.createFrom().item(Map.<Long, String>of()) : units.names(unitIds))
                                .map(unitNames -> list.stream().map(t -> new ResidentTeam(t.id, t.villageCode,
                                        villages.get(t.villageCode), t.unitId, t.unitId == null ? null : unitNames.get(t.unitId),
                                        t.startDate, t.endDate, t.expectedDays, all.stream()
                                        .filter(m -> m.teamId.equals(t.id))
                                        .sorted(Comparator.comparing((TeamMemberEntity m) -> m.teamRole)
                                                .thenComparing(m -> people.get(m.accountId), NAMES)
                                                .thenComparing(m -> m.id))
                                        .map(m -> m.view(people.get(m.accountId))).toList(), t.createdAt)).toList())));
    }
}
