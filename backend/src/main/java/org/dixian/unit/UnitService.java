package org.dixian.unit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.crypto.FieldCipher;
import org.dixian.platform.crypto.Masking;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 帮扶单位: registering assistance units and pairing them with villages (src-docs/checkins.md, "Assistance units").
 * A cadre sees the units registered in its region or paired with one of its villages; pairings shown are those with
 * villages in its region. Every step appends a unit_event.
 */
@ApplicationScoped
public class UnitService {
    /** Who registers units: cadres of a county or above, and account managers (as for departments). */
    static final Role[] REGISTRARS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.ACCOUNT_MANAGER};
    /** Who pairs units with villages and ends pairings: cadres of a county or above. */
    static final Role[] PAIRERS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE};
    static final String NOT_FOUND = "未找到该帮扶单位，或不在您的管辖范围内";

    private final AssistanceUnitRepository units;
    private final UnitPairingRepository pairings;
    private final UnitEventRepository events;
    private final RegionService regions;
    private final FieldCipher cipher;
    private final Idempotency idempotency;
    private final Clock clock;

    public UnitService(AssistanceUnitRepository units, UnitPairingRepository pairings, UnitEventRepository events,
                       RegionService regions, FieldCipher cipher, Idempotency idempotency, Clock clock) {
        this.units = units;
        this.pairings = pairings;
        this.events = events;
        this.regions = regions;
        this.cipher = cipher;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Registers a unit at the caller's region or below; retry-safe with an idempotency key. */
    public Uni<AssistanceUnit> create(Scope scope, NewAssistanceUnit in, String idempotencyKey) {
        scope.requireRole(REGISTRARS);
        if (!scope.covers(in.regionCode())) {
            throw ApiException.forbidden("只能在本人管辖的区划内登记帮扶单位");
        }
        return idempotency.once("unit:" + scope.accountId(), idempotencyKey, () -> insert(scope, in, idempotencyKey),
                id -> load(scope, id));
    }

    @WithTransaction
    Uni<Long> insert(Scope scope, NewAssistanceUnit in, String requestKey) {
        String scopedKey = requestKey == null ? null : scope.accountId() + ":" + requestKey;
        Uni<AssistanceUnitEntity> earlier = scopedKey == null ? Uni.createFrom().nullItem() : units.findByRequestKey(scopedKey);
        String name = in.name().trim();
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found.id) : regions.find(in.regionCode())
                .chain(region -> {
                    if (region == null) {
                        throw ApiException.invalid("regionCode", "区划不存在：" + in.regionCode());
                    }
                    return units.nameTaken(in.regionCode(), name);
                }).chain(taken -> {
                    if (taken) {
                        throw ApiException.conflict("该区划已有同名帮扶单位");
                    }
                    AssistanceUnitEntity u = new AssistanceUnitEntity();
                    u.name = name;
                    u.affiliation = blankToNull(in.affiliation());
                    u.regionCode = in.regionCode();
                    u.contactName = blankToNull(in.contactName());
                    String phone = blankToNull(in.contactPhone());
                    u.contactPhoneEnc = phone == null ? null : cipher.encrypt(phone);
                    u.requestKey = scopedKey;
                    u.createdAt = OffsetDateTime.now(clock);
                    u.actor = Actor.of(scope);
                    return units.persist(u).call(saved -> {
                        Map<String, Object> data = new LinkedHashMap<>();
                        data.put("name", saved.name);
                        data.put("affiliation", saved.affiliation);
                        data.put("regionCode", saved.regionCode);
                        data.put("contactName", saved.contactName);
                        data.put("contactPhone", Masking.phone(phone));
                        return event(scope, saved.id, null, "REGISTERED", null, data, saved.createdAt);
                    }).map(saved -> saved.id);
                }));
    }

    @WithSession
    Uni<AssistanceUnit> load(Scope scope, long id) {
        return units.findById(id).chain(u -> view(u, scope.regionRange()));
    }

    /** The units seen from the caller's region, or from a region within it. */
    @WithSession
    public Uni<List<AssistanceUnit>> list(Scope scope, String region) {
        if (!scope.isCadre()) {
            throw ApiException.forbidden("当前角色（" + scope.role().label() + "）无权查看帮扶单位");
        }
        String from = region == null ? scope.regionCode() : region;
        if (from == null) {
            throw ApiException.invalid("region", "请选择区划");
        }
        if (!scope.covers(from)) {
            throw ApiException.invalid("region", "只能查看本人管辖区划内的帮扶单位");
        }
        String[] range = RegionCodes.range(from);
        return units.seenFrom(range).chain(list -> views(list, range));
    }

    /** Pairs a unit with a village of the caller's region; one current pairing per unit and village. */
    @WithTransaction
    public Uni<AssistanceUnit> pair(Scope scope, long unitId, NewUnitPairing in) {
        scope.requireRole(PAIRERS);
        String village = in.villageCode();
        if (!RegionCodes.isValid(village) || RegionCodes.level(village) != 5) {
            throw ApiException.invalid("villageCode", "只能与村（社区）结对");
        }
        if (!scope.covers(village)) {
            throw ApiException.forbidden("只能为本人管辖区划内的村结对");
        }
        if (in.startDate().isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("startDate", "开始日期不能晚于今天");
        }
        return requireUnit(scope, unitId).call(() -> regions.find(village).map(r -> {
            if (r == null) {
                throw ApiException.invalid("villageCode", "区划不存在：" + village);
            }
            return r;
        })).call(u -> pairings.current(u.id, village).map(existing -> {
            if (existing != null) {
                throw ApiException.conflict("该单位已与该村结对（自 " + existing.startDate + " 起）");
            }
            return existing;
        })).call(u -> {
            UnitPairingEntity p = new UnitPairingEntity();
            p.unitId = u.id;
            p.villageCode = village;
            p.startDate = in.startDate();
            p.createdAt = OffsetDateTime.now(clock);
            return pairings.persist(p).call(saved -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("villageCode", village);
                data.put("startDate", saved.startDate.toString());
                return event(scope, u.id, saved.id, "PAIRED", null, data, saved.createdAt);
            });
        }).chain(u -> view(u, scope.regionRange()));
    }

    /** Ends a current pairing with a date and a reason; the pairing stays as history. */
    @WithTransaction
    public Uni<AssistanceUnit> end(Scope scope, long unitId, long pairingId, EndUnitPairing in) {
        scope.requireRole(PAIRERS);
        return requireUnit(scope, unitId).call(u -> pairings.findById(pairingId).chain(p -> {
            if (p == null || !p.unitId.equals(u.id) || !scope.covers(p.villageCode)) {
                throw ApiException.notFound("未找到该结对，或不在您的管辖范围内");
            }
            if (p.endDate != null) {
                throw ApiException.conflict("该结对已于 " + p.endDate + " 结束");
            }
            if (in.endDate().isAfter(LocalDate.now(clock))) {
                throw ApiException.invalid("endDate", "结束日期不能晚于今天");
            }
            if (in.endDate().isBefore(p.startDate)) {
                throw ApiException.invalid("endDate", "结束日期不能早于开始日期 " + p.startDate);
            }
            p.endDate = in.endDate();
            p.endReason = in.reason().trim();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("villageCode", p.villageCode);
            data.put("endDate", p.endDate.toString());
            return event(scope, u.id, p.id, "PAIRING_ENDED", p.endReason, data, OffsetDateTime.now(clock));
        })).chain(u -> view(u, scope.regionRange()));
    }

    /**
     * A unit the caller may pair: registered in its region or at one of the regions above it (a county pairs a
     * provincial unit with its village); 404 otherwise, whether it exists or not.
     */
    private Uni<AssistanceUnitEntity> requireUnit(Scope scope, long unitId) {
        return units.findById(unitId).map(u -> {
            if (u == null || !(scope.covers(u.regionCode) || RegionCodes.covers(u.regionCode, scope.regionCode()))) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return u;
        });
    }

    private Uni<Void> event(Scope scope, long unitId, Long pairingId, String type, String reason, Map<String, Object> data,
                            OffsetDateTime at) {
        UnitEventEntity e = new UnitEventEntity();
        e.unitId = unitId;
        e.pairingId = pairingId;
        e.type = type;
        e.actor = Actor.of(scope);
        e.at = at;
        e.reason = reason;
        e.data = data;
        return events.persist(e).replaceWithVoid();
    }

    private Uni<AssistanceUnit> view(AssistanceUnitEntity u, String[] range) {
        return views(List.of(u), range).map(l -> l.get(0));
    }

    private Uni<List<AssistanceUnit>> views(List<AssistanceUnitEntity> list, String[] range) {
        return pairings.ofUnits(list.stream().map(u -> u.id).toList(), range).chain(ps -> {
            Set<String> codes = new HashSet<>();
            list.forEach(u -> codes.add(u.regionCode));
            ps.forEach(p -> codes.add(p.villageCode));
            return regions.names(codes).map(names -> list.stream().map(u -> {
                List<UnitPairing> own = new ArrayList<>();
                ps.stream().filter(p -> p.unitId.equals(u.id)).forEach(p -> own.add(new UnitPairing(p.id, p.villageCode,
                        names.get(p.villageCode), p.startDate, p.endDate, p.endReason)));
                String phone = u.contactPhoneEnc == null ? null : Masking.phone(cipher.decrypt(u.contactPhoneEnc));
                return new AssistanceUnit(u.id, u.name, u.affiliation, u.regionCode, names.get(u.regionCode),
                        u.contactName, phone, own, u.createdAt);
            }).toList());
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
