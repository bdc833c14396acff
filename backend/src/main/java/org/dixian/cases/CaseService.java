package org.dixian.cases;

import org.dixian.platform.persistence.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.calendar.WorkingCalendar;
import org.dixian.household.HouseholdService;
import org.dixian.household.RiskType;
import org.dixian.media.MediaService;
import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.crypto.FieldCipher;
import org.dixian.platform.crypto.Masking;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Identification cases: a farmer's declaration opens one in stage VISIT, with a home-visit deadline in working
 * days for the village; the farmer follows it step by step and may withdraw it before the visit.
 */
@ApplicationScoped
public class CaseService {
    /** Shown with the declaration and stored with it: what the farmer agreed to. */
    static final String CONSENT = "本人同意村干部入户核实，并同意将所填信息用于防止返贫监测帮扶工作。";
    /** The cadres who keep the registry open cases: county, township and village. */
    static final Role[] OPENERS = {Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE, Role.VILLAGE_CADRE, Role.INFO_OFFICER,
            Role.RESIDENT_CADRE};
    static final Role[] CADRES = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE,
            Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE};

    private final io.vertx.mutiny.sqlclient.Pool pool;
    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final HouseholdService households;
    private final RegionService regions;
    private final WorkingCalendar calendar;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Idempotency idempotency;
    private final Clock clock;
    private final StageLimits limits;
    private final ObjectionRepository objections;
    private final CaseVisitRepository visits;
    private final MediaService media;
    private final CaseNotices notices;

    public CaseService(io.vertx.mutiny.sqlclient.Pool pool, CaseRepository cases, CaseEventRepository events, HouseholdService households,
                       RegionService regions, WorkingCalendar calendar, FieldCipher cipher, BlindIndex index,
                       Idempotency idempotency, Clock clock, StageLimits limits, ObjectionRepository objections,
                       CaseVisitRepository visits, MediaService media, CaseNotices notices) {
        this.pool = pool;
        this.cases = cases;
        this.events = events;
        this.households = households;
        this.regions = regions;
        this.calendar = calendar;
        this.cipher = cipher;
        this.index = index;
        this.idempotency = idempotency;
        this.clock = clock;
        this.limits = limits;
        this.objections = objections;
        this.visits = visits;
        this.media = media;
        this.notices = notices;
    }

    /** A farmer's declaration; the same idempotency key returns the same case, a second open one answers 409. */
    public Uni<Case> declare(Scope scope, NewDeclaration in, String idempotencyKey) {
        scope.requireRole(Role.FARMER);
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ApiException.invalid("Idempotency-Key", "请携带幂等键（Idempotency-Key）后再提交");
        }
        if (!Boolean.TRUE.equals(in.consent())) {
            throw ApiException.invalid("consent", "请阅读并同意入户核实后再提交");
        }
        Uni<String> village;
        if (scope.householdId() != null) {
            village = households.get(scope, scope.householdId()).map(h -> h.regionCode());
        } else {
            if (in.villageCode() == null) {
                throw ApiException.invalid("villageCode", "请先扫描村里的二维码，或绑定您家后再申报");
            }
            if (in.applicantName() == null || in.applicantName().isBlank()) {
                throw ApiException.invalid("applicantName", "请填写申报人姓名");
            }
            if (RegionCodes.level(in.villageCode()) != 5) {
                throw ApiException.invalid("villageCode", "请扫描村（社区）的二维码");
            }
            village = regions.names(List.of(in.villageCode())).map(names -> {
                if (!names.containsKey(in.villageCode())) {
                    throw ApiException.invalid("villageCode", "区划不存在：" + in.villageCode());
                }
                return in.villageCode();
            });
        }
        List<Long> photos = in.photoIds() == null ? List.of() : in.photoIds().stream().distinct().toList();
        return village.chain(v -> idempotency.onceCreated("case:" + scope.accountId(), idempotencyKey,
                () -> checkPhotos(scope, photos)
                        .chain(() -> insert(scope, v, in, photos, scope.accountId() + ":" + idempotencyKey)),
                id -> load(scope, id)));
    }

    /**
     * The declaration, its two events and the outbox message that tells the village's cadres (CaseDeclaredHandler)
     * in one statement and one round trip. The unique indexes decide: nothing
     * is written when the request key was used before (a retry: its case is answered) or when the household (or
     * the unregistered farmer in this village) already has an open case (409 pointing at it).
     */
    private static final String DECLARE = """
            with c as (
                insert into identification_case (source, stage, open, household_id, region_code, declarant_id,
                        applicant_name, risk_types, description, medical_expense, income_loss, disaster_loss,
                        contact_phone_enc, contact_phone_hash, consent_text, stage_due, request_key, created_at, photo_ids)
                values ('FARMER_DECLARATION', 'VISIT', true, $1, $2, $3, $4, $5::varchar(40)[], $6, $7, $8, $9, $10, $11,
                        $12, $13, $14, $15, $18::bigint[])
                on conflict do nothing
                returning id
            ), e as (
                insert into case_event (case_id, type, stage, actor_id, actor_role, actor_region, at, reason, due)
                select c.id, x.type, 'VISIT', $3::bigint, 'FARMER', $16::char(12), $15::timestamptz, x.reason, x.due
                  from c, (values (1, 'DECLARED', null::text, null::date), (2, 'VISIT_ASSIGNED', $17::text, $13::date))
                       as x(n, type, reason, due)
                 order by x.n
            ), o as (
                insert into outbox (topic, dedup_key, payload, created_at, next_attempt_at)
                select 'case.declared', 'case:' || c.id || ':declared',
                       jsonb_build_object('caseId', c.id, 'regionCode', $2::text), $15::timestamptz, $15::timestamptz
                  from c
            )
            select id from c
            """;

    private static final String EXISTING = """
            select id, request_key = $1 as retry from identification_case
             where request_key = $1
                or (open and household_id = $2)
                or (open and household_id is null and $2::bigint is null and declarant_id = $3 and region_code = $4)
             order by (request_key = $1) desc limit 1
            """;

    Uni<Idempotency.Created<Case>> insert(Scope scope, String village, NewDeclaration in, List<Long> photos, String requestKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int visitDays = limits.of(village).visit();
        LocalDate due = Deadlines.due(calendar.days(), clock, visitDays);
        List<String> risks = in.riskTypes().stream().distinct().map(Enum::name).toList();
        String applicant = scope.householdId() == null ? in.applicantName().trim() : null;
        String visitReason = "由村级入户核实，" + visitDays + " 个工作日内完成";
        BigDecimal medical = money(in.medicalExpense());
        BigDecimal income = money(in.incomeLoss());
        BigDecimal disaster = money(in.disasterLoss());
        io.vertx.mutiny.sqlclient.Tuple args = io.vertx.mutiny.sqlclient.Tuple.tuple()
                .addValue(scope.householdId()).addValue(village).addValue(scope.accountId()).addValue(applicant)
                .addValue(risks.toArray(String[]::new)).addValue(in.description().trim()).addValue(medical)
                .addValue(income).addValue(disaster).addValue(cipher.encrypt(in.contactPhone()))
                .addValue(index.of("phone", in.contactPhone())).addValue(CONSENT).addValue(due).addValue(requestKey)
                .addValue(now).addValue(scope.regionCode()).addValue(visitReason)
                .addValue(photos.toArray(Long[]::new));
        return pool.preparedQuery(DECLARE).execute(args).chain(rows -> {
            if (rows.size() > 0) {
                long id = rows.iterator().next().getLong("id");
                Uni<Void> attached = photos.isEmpty() ? Uni.createFrom().voidItem() : attachPhotos(scope, photos, village, id);
                return attached.chain(() -> regions.names(List.of(village))).map(names -> new Idempotency.Created<>(id, new Case(id,
                        CaseSource.FARMER_DECLARATION, CaseStage.VISIT, true, scope.householdId(), village,
                        names.get(village), applicant, risks.stream().map(RiskType::valueOf).toList(),
                        in.description().trim(), medical, income, disaster, Masking.phone(in.contactPhone()), now, due,
                        false, 0, null, 0, photos, List.of(
                                new CaseEvent("DECLARED", CaseStage.VISIT, Role.FARMER, scope.regionCode(), now, null, null),
                                new CaseEvent("VISIT_ASSIGNED", CaseStage.VISIT, Role.FARMER, scope.regionCode(), now,
                                        visitReason, due)))));
            }
            return pool.preparedQuery(EXISTING).execute(io.vertx.mutiny.sqlclient.Tuple.of(requestKey,
                    scope.householdId(), scope.accountId(), village)).chain(found -> {
                if (found.size() == 0) {
                    // The conflicting row went away between the two statements (withdrawn meanwhile): try again.
                    return insert(scope, village, in, photos, requestKey);
                }
                io.vertx.mutiny.sqlclient.Row r = found.iterator().next();
                long id = r.getLong("id");
                if (Boolean.TRUE.equals(r.getBoolean("retry"))) {
                    return load(scope, id).map(c -> new Idempotency.Created<>(id, c));
                }
                throw ApiException.conflictWith("您家已有一件申报正在办理，请查看办理进度", "/api/cases/" + id);
            });
        });
    }

    /**
     * The declaration's photos, checked before the case was written, are tied to it just after (a photo used by a
     * second declaration in between is the only way this can fail, and it answers 400 like any bad photo id).
     */
    @WithSession
    Uni<Void> checkPhotos(Scope scope, List<Long> photos) {
        return photos.isEmpty() ? Uni.createFrom().voidItem() : media.requireAttachable(scope, photos, "photoIds");
    }

    @WithTransaction
    Uni<Void> attachPhotos(Scope scope, List<Long> photos, String village, long caseId) {
        return media.attach(scope, photos, village, "case:" + caseId, "photoIds");
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /**
     * A cadre who found a risk while screening or visiting opens a case for a household of the own region; it
     * starts at the home visit like a declaration.
     */
    public Uni<Case> open(Scope scope, NewCase in, String idempotencyKey) {
        scope.requireRole(OPENERS);
        return households.get(scope, in.householdId()).chain(h -> idempotency.once("case:" + scope.accountId(),
                idempotencyKey, () -> insertOpened(scope, h.id(), h.regionCode(), in,
                        idempotencyKey == null ? null : scope.accountId() + ":" + idempotencyKey), id -> load(scope, id)));
    }

    @WithTransaction
    Uni<Long> insertOpened(Scope scope, long householdId, String village, NewCase in, String requestKey) {
        Uni<CaseEntity> earlier = requestKey == null ? Uni.createFrom().nullItem() : cases.findByRequestKey(requestKey);
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found.id)
                : insertCase(scope, householdId, village, CaseSource.valueOf(in.source().name()), in.riskTypes(),
                        in.description(), requestKey, null));
    }

    /** Throws forbidden unless the caller's role may open a case (other features check before their own work). */
    public static void requireOpener(Scope scope) {
        scope.requireRole(OPENERS);
    }

    /**
     * A complaint ticket told of a hardship: a cadre opens a case for the ticket's household, with source TICKET and
     * an OPENED step that names the ticket; answers the case id. Joins the caller's transaction, so the ticket's link
     * to the case is written with it.
     */
    @WithTransaction
    public Uni<Long> openFromTicket(Scope scope, long householdId, List<RiskType> riskTypes, String description,
                                    String ticketNo) {
        scope.requireRole(OPENERS);
        return households.get(scope, householdId).chain(h -> insertCase(scope, h.id(), h.regionCode(), CaseSource.TICKET,
                riskTypes, description, null, "由工单 " + ticketNo + " 发起"));
    }

    /** A case at the home visit for a household without another open case (409 pointing at that one). */
    private Uni<Long> insertCase(Scope scope, long householdId, String village, CaseSource source, List<RiskType> risks,
                                 String description, String requestKey, String openedReason) {
        return cases.openForHousehold(householdId).chain(existing -> {
            if (existing != null) {
                throw ApiException.conflictWith("这户已有一件识别案件正在办理", "/api/cases/" + existing.id);
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            int visitDays = limits.of(village).visit();
            LocalDate due = Deadlines.due(calendar.days(), clock, visitDays);
            CaseEntity c = new CaseEntity();
            c.source = source;
            c.stage = CaseStage.VISIT;
            c.open = true;
            c.householdId = householdId;
            c.regionCode = village;
            c.riskTypes = risks.stream().distinct().map(Enum::name).toList();
            c.description = description.trim();
            c.stageDue = due;
            c.requestKey = requestKey;
            c.createdAt = now;
            return cases.persist(c)
                    .call(saved -> events.append(saved.id, "OPENED", CaseStage.VISIT, scope, now, openedReason, null))
                    .call(saved -> events.append(saved.id, "VISIT_ASSIGNED", CaseStage.VISIT, scope, now,
                            "由村级入户核实，" + visitDays + " 个工作日内完成", due))
                    .call(saved -> notices.assigned(saved))
                    .map(saved -> saved.id);
        });
    }

    @WithSession
    public Uni<Case> get(Scope scope, long id) {
        requireReader(scope);
        return load(scope, id);
    }

    @WithSession
    Uni<Case> load(Scope scope, long id) {
        return cases.requireVisible(scope, id)
                .chain(c -> views(List.of(c))).map(l -> l.get(0));
    }

    @WithSession
    public Uni<List<Case>> mine(Scope scope) {
        scope.requireRole(Role.FARMER);
        return cases.mine(scope).chain(this::views);
    }

    @WithSession
    public Uni<CasePage> page(Scope scope, String region, boolean open, Long after, int limit) {
        scope.requireRole(CADRES);
        if (region != null) {
            scope.requireCovers(region);
        }
        return cases.page(scope, region, open, after, limit).chain(rows -> {
            boolean more = rows.size() > limit;
            List<CaseEntity> page = more ? rows.subList(0, limit) : rows;
            return views(page).map(items -> new CasePage(items, more ? page.get(page.size() - 1).id : null));
        });
    }

    /** The cadres of the village who carry out the home visit (入户核实). */
    static final Role[] VISITORS = {Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE};

    /**
     * The home visit is recorded by a cadre of the case's village; the case moves on to the village review with
     * its own deadline. The version read must still be current: two visitors cannot both record.
     */
    @WithTransaction
    public Uni<Case> visit(Scope scope, long id, NewVisit in) {
        scope.requireRole(VISITORS);
        return cases.requireVisible(scope, id)
                .chain(c -> {
                    if (!c.open || c.stage != CaseStage.VISIT) {
                        throw ApiException.conflict("该案件当前处于" + stageName(c.stage) + "，不能记录入户核实");
                    }
                    if (c.version != in.version()) {
                        throw ApiException.conflict("案件已被他人办理，请刷新后重试");
                    }
                    if (in.householdId() != null && c.householdId != null && !in.householdId().equals(c.householdId)) {
                        throw ApiException.invalid("householdId", "该案件已关联农户，不能改为其他农户");
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    LocalDate due = Deadlines.due(calendar.days(), clock, limits.of(c.regionCode).villageReview());
                    List<Long> photos = in.photoIds() == null ? List.of() : in.photoIds().stream().distinct().toList();
                    CaseVisitEntity v = new CaseVisitEntity();
                    v.caseId = c.id;
                    v.perCapitaIncome = money(in.perCapitaIncome());
                    v.bigExpenditure = money(in.bigExpenditure());
                    v.foodAndClothing = in.foodAndClothing();
                    v.education = in.education();
                    v.medical = in.medical();
                    v.housing = in.housing();
                    v.drinkingWater = in.drinkingWater();
                    v.riskTypes = in.riskTypes().stream().distinct().map(Enum::name).toList();
                    v.findings = in.findings().trim();
                    v.latitude = in.latitude();
                    v.longitude = in.longitude();
                    v.accuracy = in.accuracy();
                    v.actor = Actor.of(scope);
                    v.at = now;
                    c.stage = CaseStage.VILLAGE_REVIEW;
                    c.stageDue = due;
                    return linkHousehold(scope, c, in.householdId())
                            .chain(() -> media.attach(scope, photos, c.regionCode, "case:" + c.id, "photoIds"))
                            .chain(() -> visits.persist(v))
                            .chain(() -> events.append(c.id, "VISITED", CaseStage.VILLAGE_REVIEW, scope, now,
                                    in.findings().trim(), due, null, in.latitude(), in.longitude(), photos))
                            .chain(() -> notices.assigned(c))
                            .chain(() -> cases.flush())
                            .chain(() -> views(List.of(c))).map(l -> l.get(0));
                });
    }

    /**
     * A declaration by a farmer not yet registered is tied, at the visit, to the household the village has since
     * registered for them: it must be of the case's village and have no other open case.
     */
    private Uni<Void> linkHousehold(Scope scope, CaseEntity c, Long householdId) {
        if (householdId == null || c.householdId != null) {
            return Uni.createFrom().voidItem();
        }
        return households.get(scope, householdId).chain(h -> {
            if (!h.regionCode().equals(c.regionCode)) {
                throw ApiException.invalid("householdId", "该农户不在申报所在的村");
            }
            return cases.openForHousehold(householdId);
        }).invoke(other -> {
            if (other != null) {
                throw ApiException.conflictWith("该农户已有一件识别案件正在办理", "/api/cases/" + other.id);
            }
            c.householdId = householdId;
        }).replaceWithVoid();
    }

    /** The farmer takes the declaration back, while nobody has visited yet. */
    @WithTransaction
    public Uni<Case> withdraw(Scope scope, long id, String reason) {
        scope.requireRole(Role.FARMER);
        return cases.requireVisible(scope, id)
                .chain(c -> {
                    if (c.declarantId == null || c.declarantId != scope.accountId()) {
                        throw ApiException.forbidden("只有申报人本人可以撤回申报");
                    }
                    if (!c.open || c.stage != CaseStage.VISIT) {
                        throw ApiException.conflict("该申报已进入" + stageName(c.stage) + "，不能撤回");
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    c.stage = CaseStage.WITHDRAWN;
                    c.open = false;
                    c.stageDue = null;
                    return events.append(c.id, "WITHDRAWN", CaseStage.WITHDRAWN, scope, now, reason.trim(), null)
                            .chain(() -> cases.flush()).chain(() -> views(List.of(c))).map(l -> l.get(0));
                });
    }

    /** Cases as shown, with their steps, village names and (under notice) unanswered objections. */
    Uni<List<Case>> views(List<CaseEntity> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> noticed = list.stream().filter(c -> c.stage == CaseStage.PUBLIC_NOTICE).map(c -> c.id).toList();
        return events.ofCases(list.stream().map(c -> c.id).toList()).chain(all -> objections.openCounts(noticed).chain(open -> {
            Map<Long, List<CaseEvent>> byCase = new HashMap<>();
            all.forEach(e -> byCase.computeIfAbsent(e.caseId, k -> new ArrayList<>()).add(e.view()));
            return regions.names(list.stream().map(c -> c.regionCode).toList()).map(names -> list.stream().map(c ->
                    new Case(c.id, c.source, c.stage, c.open, c.householdId, c.regionCode, names.get(c.regionCode),
                            c.applicantName, c.riskTypes.stream().map(RiskType::valueOf).toList(), c.description,
                            c.medicalExpense, c.incomeLoss, c.disasterLoss, Masking.phone(cipher.decrypt(c.contactPhoneEnc)),
                            c.createdAt, c.stageDue, c.open && Deadlines.overdue(c.stageDue, clock), c.version,
                            c.noticeEnds, open.getOrDefault(c.id, 0), c.photoIds == null ? List.of() : c.photoIds,
                            byCase.getOrDefault(c.id, List.of()))).toList());
        }));
    }

    private static void requireReader(Scope scope) {
        if (scope.role() != Role.FARMER) {
            scope.requireRole(CADRES);
        }
    }

    static String stageName(CaseStage stage) {
        return switch (stage) {
            case VISIT -> "入户核实";
            case VILLAGE_REVIEW -> "村评议";
            case PUBLIC_NOTICE -> "公示";
            case TOWNSHIP_REVIEW -> "乡镇审核";
            case COUNTY_APPROVAL -> "县级审定";
            case APPROVED -> "已认定";
            case REJECTED -> "未认定";
            case WITHDRAWN -> "已撤回";
        };
    }
}
