package org.dixian.household;

import org.dixian.platform.persistence.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.crypto.FieldCipher;
import org.dixian.platform.crypto.Masking;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * 帮扶责任人: registering helpers and pairing them with households. Pairing changes are household changes: each
 * appends a household event (HELPER_PAIRED, HELPER_ENDED), so they appear in the household's timeline.
 */
@ApplicationScoped
public class HelperService {
    private final HelperRepository helpers;
    private final PairingRepository pairings;
    private final HouseholdRepository households;
    private final HouseholdEventRepository events;
    private final RegionService regions;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Idempotency idempotency;
    private final Clock clock;

    public HelperService(HelperRepository helpers, PairingRepository pairings, HouseholdRepository households,
                         HouseholdEventRepository events, RegionService regions, FieldCipher cipher, BlindIndex index,
                         Idempotency idempotency, Clock clock) {
        this.helpers = helpers;
        this.pairings = pairings;
        this.households = households;
        this.events = events;
        this.regions = regions;
        this.cipher = cipher;
        this.index = index;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Helpers the caller may pair: registered in its region or above it. */
    @WithSession
    public Uni<HelperPage> search(Scope scope, String q, Long after, int limit) {
        scope.requireRole(HouseholdService.EDITORS);
        return helpers.search(scope, HouseholdService.blankToNull(q), after, limit).chain(rows -> {
            boolean more = rows.size() > limit;
            List<HelperEntity> page = more ? rows.subList(0, limit) : rows;
            return views(page).map(items -> new HelperPage(items, more ? page.get(page.size() - 1).id : null));
        });
    }

    /** Registers a helper for a region inside the caller's; retry-safe with an idempotency key. */
    public Uni<Helper> create(Scope scope, NewHelper in, String idempotencyKey) {
        scope.requireRole(HouseholdService.EDITORS);
        if (!scope.covers(in.regionCode())) {
            throw ApiException.forbidden("只能在本人管辖的区划内登记帮扶责任人");
        }
        return idempotency.once("helper:" + scope.accountId(), idempotencyKey, () -> insert(scope, in, idempotencyKey),
                this::load);
    }

    @WithTransaction
    Uni<Long> insert(Scope scope, NewHelper in, String requestKey) {
        String scopedKey = requestKey == null ? null : scope.accountId() + ":" + requestKey;
        Uni<HelperEntity> earlier = scopedKey == null ? Uni.createFrom().nullItem() : helpers.findByRequestKey(scopedKey);
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found.id) : regions.find(in.regionCode()).chain(region -> {
            if (region == null) {
                throw ApiException.invalid("regionCode", "区划不存在：" + in.regionCode());
            }
            HelperEntity h = new HelperEntity();
            h.name = in.name().trim();
            h.unit = in.unit().trim();
            h.position = HouseholdService.blankToNull(in.position());
            h.phoneEnc = cipher.encrypt(in.phone());
            h.phoneHash = index.of(HouseholdService.PHONE, in.phone());
            h.regionCode = in.regionCode();
            h.requestKey = scopedKey;
            h.createdAt = OffsetDateTime.now(clock);
            return helpers.persist(h).call(saved -> {
                HelperRecordEntity e = new HelperRecordEntity();
                e.helperId = saved.id;
                e.type = "REGISTERED";
                e.actor = Actor.of(scope);
                e.at = saved.createdAt;
                e.changes = HouseholdEventEntity.write(List.of(new FieldChange("name", null, saved.name),
                        new FieldChange("unit", null, saved.unit), new FieldChange("regionCode", null, saved.regionCode)));
                return helpers.getSession().chain(s -> s.persist(e));
            }).map(saved -> saved.id);
        }));
    }

    @WithSession
    Uni<Helper> load(long id) {
        return helpers.findById(id).chain(h -> views(List.of(h))).map(l -> l.get(0));
    }

    /** The household's pairings, for readers of the household and its bound farmer. */
    @WithSession
    public Uni<List<HelperPairing>> ofHousehold(Scope scope, long id) {
        HouseholdService.requireReader(scope);
        return households.requireVisible(scope, id).chain(h -> pairings.ofHousehold(h.id)).chain(this::pairingViews);
    }

    @WithTransaction
    public Uni<HelperPairing> pair(Scope scope, long id, NewPairing in) {
        scope.requireRole(HouseholdService.EDITORS);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = in.startDate() == null ? today : in.startDate();
        return households.requireVisible(scope, id).chain(h -> helpers.findVisible(scope, in.helperId()).chain(helper -> {
            if (start.isAfter(today)) {
                throw ApiException.invalid("startDate", "开始日期不能晚于今天");
            }
            if (helper == null) {
                throw ApiException.invalid("helperId", "未找到该帮扶责任人，或不在您的管辖范围内");
            }
            return pairings.current(h.id, helper.id).chain(existing -> {
                if (existing != null) {
                    throw ApiException.conflict(helper.name + " 已是这户的帮扶责任人");
                }
                PairingEntity p = new PairingEntity();
                p.householdId = h.id;
                p.helperId = helper.id;
                p.startDate = start;
                p.createdAt = OffsetDateTime.now(clock);
                return pairings.persist(p)
                        .call(() -> events.append(h.id, null, "HELPER_PAIRED", scope, in.reason().trim(), List.of(
                                new FieldChange("helper", null, helper.name + "（" + helper.unit + "）"),
                                new FieldChange("startDate", null, start.toString()))))
                        .chain(saved -> pairingViews(List.of(saved))).map(l -> l.get(0));
            });
        }));
    }

    @WithTransaction
    public Uni<HelperPairing> end(Scope scope, long id, long pairingId, EndPairing in) {
        scope.requireRole(HouseholdService.EDITORS);
        LocalDate today = LocalDate.now(clock);
        LocalDate endDate = in.endDate() == null ? today : in.endDate();
        return households.requireVisible(scope, id).chain(h -> pairing(h.id, pairingId)).chain(p -> {
            if (endDate.isAfter(today)) {
                throw ApiException.invalid("endDate", "结束日期不能晚于今天");
            }
            if (p.endDate != null) {
                throw ApiException.conflict("该结对已于 " + p.endDate + " 结束");
            }
            if (endDate.isBefore(p.startDate)) {
                throw ApiException.invalid("endDate", "结束日期不能早于开始日期 " + p.startDate);
            }
            p.endDate = endDate;
            return helpers.findById(p.helperId).chain(helper -> events.append(p.householdId, null, "HELPER_ENDED", scope,
                            in.reason().trim(), List.of(new FieldChange("helper", helper.name + "（" + helper.unit + "）", null),
                                    new FieldChange("endDate", null, endDate.toString()))))
                    .chain(() -> pairingViews(List.of(p))).map(l -> l.get(0));
        });
    }

    /**
     * The helper's full phone, so that the household can call its helper: for the bound farmer of a current
     * pairing and for the registry's cadres in scope. Every showing is written to helper_contact.
     */
    @WithTransaction
    public Uni<RevealedValue> phone(Scope scope, long id, long pairingId) {
        if (scope.role() != Role.FARMER) {
            scope.requireRole(HouseholdService.EDITORS);
        }
        return households.requireVisible(scope, id).chain(h -> pairing(h.id, pairingId)).chain(p -> {
            if (scope.role() == Role.FARMER && p.endDate != null) {
                throw ApiException.notFound("该结对已结束");
            }
            return helpers.findById(p.helperId).chain(helper -> {
                HelperContactEntity c = new HelperContactEntity();
                c.householdId = p.householdId;
                c.helperId = helper.id;
                c.actor = Actor.of(scope);
                c.at = OffsetDateTime.now(clock);
                return helpers.getSession().chain(s -> s.persist(c))
                        .replaceWith(new RevealedValue(ProtectedField.PHONE, cipher.decrypt(helper.phoneEnc)));
            });
        });
    }

    private Uni<PairingEntity> pairing(long householdId, long pairingId) {
        return pairings.findById(pairingId).map(p -> {
            if (p == null || p.householdId != householdId) {
                throw ApiException.notFound("未找到该结对记录");
            }
            return p;
        });
    }

    private Uni<List<HelperPairing>> pairingViews(List<PairingEntity> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return helpers.list("id in ?1", list.stream().map(p -> p.helperId).distinct().toList())
                .chain(this::views).map(helperViews -> {
                    Map<Long, Helper> byId = new java.util.HashMap<>();
                    helperViews.forEach(v -> byId.put(v.id(), v));
                    return list.stream().map(p -> new HelperPairing(p.id, p.householdId, byId.get(p.helperId), p.startDate,
                            p.endDate, p.endDate == null)).toList();
                });
    }

    private Uni<List<Helper>> views(List<HelperEntity> list) {
        return regions.names(list.stream().map(h -> h.regionCode).toList()).map(names -> list.stream()
                .map(h -> new Helper(h.id, h.name, h.unit, h.position, Masking.phone(cipher.decrypt(h.phoneEnc)),
                        h.regionCode, names.get(h.regionCode))).toList());
    }

}
