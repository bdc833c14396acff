package org.dixian.household;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.crypto.FieldCipher;
import org.dixian.platform.crypto.Masking;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.errors.FieldError;
import org.dixian.platform.idcard.IdCardNumber;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The household registry: search, detail, create, edit, members, history and protected values. */
@ApplicationScoped
public class HouseholdService {
    static final String ID_CARD = "idcard";
    static final String PHONE = "phone";
    static final String BANK = "bank";
    /** Cadres who keep the registry: village, township and county. */
    static final Role[] EDITORS = {Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE, Role.VILLAGE_CADRE, Role.INFO_OFFICER,
            Role.RESIDENT_CADRE};
    static final Role[] READERS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE,
            Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE, Role.API_CLIENT};
    /** Full values are for the cadres closest to the household: its township and village (issue: PIPL). */
    static final Role[] REVEALERS = {Role.TOWNSHIP_CADRE, Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE};

    private final HouseholdRepository households;
    private final MemberRepository members;
    private final IncomeRepository incomes;
    private final HouseholdEventRepository events;
    private final AccessRepository access;
    private final BindingGrantRepository grants;
    private final HouseholdReads reads;
    private final DetailCache cache;
    private final ViewLog viewLog;
    private final RegionService regions;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Idempotency idempotency;
    private final Clock clock;

    public HouseholdService(HouseholdRepository households, MemberRepository members, IncomeRepository incomes,
                            HouseholdEventRepository events, AccessRepository access, BindingGrantRepository grants,
                            HouseholdReads reads, DetailCache cache, ViewLog viewLog, RegionService regions,
                            FieldCipher cipher, BlindIndex index, Idempotency idempotency, Clock clock) {
        this.households = households;
        this.members = members;
        this.incomes = incomes;
        this.events = events;
        this.access = access;
        this.grants = grants;
        this.reads = reads;
        this.cache = cache;
        this.viewLog = viewLog;
        this.regions = regions;
        this.cipher = cipher;
        this.index = index;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Search inside the caller's region; an exact ID number is matched through its blind index. */
    public Uni<HouseholdPage> search(Scope scope, HouseholdRepository.Filter in) {
        scope.requireRole(READERS);
        scope.requireClientScope("households:read");
        String region = null;
        if (in.regionCode() != null) {
            if (!RegionCodes.isValid(in.regionCode())) {
                throw ApiException.invalid("region", "区划代码应为 12 位数字");
            }
            scope.requireCovers(in.regionCode());
            region = in.regionCode();
        }
        String idHash = null;
        if (in.idCardHash() != null && !in.idCardHash().isBlank()) {
            idHash = index.of(ID_CARD, IdCardNumber.normalise(in.idCardHash()));
        }
        HouseholdRepository.Filter f = new HouseholdRepository.Filter(region, in.category(), in.monitoringType(),
                in.riskType(), blankToNull(in.headName()), blankToNull(in.householdNo()), idHash,
                blankToNull(in.phoneLast4()), in.after(), in.limit());
        return reads.search(scope, f).chain(rows -> {
            boolean more = rows.size() > f.limit();
            List<HouseholdSummary> page = more ? rows.subList(0, f.limit()) : rows;
            return regions.names(page.stream().map(HouseholdSummary::regionCode).toList()).map(names -> new HouseholdPage(
                    page.stream().map(h -> h.named(names.getOrDefault(h.regionCode(), ""))).toList(),
                    more ? page.get(page.size() - 1).id() : null));
        });
    }

    /**
     * Detail with masked members, from the detail cache when it is there; a cadre's or client's read is written to
     * the access log before the answer leaves.
     */
    public Uni<Household> get(Scope scope, long id) {
        requireReader(scope);
        Household cached = cache.get(id);
        Uni<Household> view;
        if (cached != null) {
            if (!HouseholdReads.visibleTo(scope, id, cached.regionCode())) {
                return Uni.createFrom().failure(ApiException.notFound(HouseholdRepository.NOT_FOUND));
            }
            view = Uni.createFrom().item(cached);
        } else {
            long loadedAt = System.nanoTime();
            view = reads.detail(scope, id)
                    .onItem().ifNull().failWith(() -> ApiException.notFound(HouseholdRepository.NOT_FOUND))
                    .chain(d -> view(d.household(), d.members(), d.incomes()))
                    .invoke(v -> cache.put(id, v, loadedAt));
        }
        return scope.role() == Role.FARMER ? view : view.call(v -> viewLog.record(id, scope));
    }

    /** Creates a household with its head in a village inside the caller's region; retry-safe. */
    public Uni<Household> create(Scope scope, NewHousehold in, String idempotencyKey) {
        scope.requireRole(EDITORS);
        return idempotency.once("household:" + scope.accountId(), idempotencyKey,
                () -> insert(scope, in, idempotencyKey), id -> reload(id));
    }

    @WithTransaction
    Uni<Long> insert(Scope scope, NewHousehold in, String requestKey) {
        List<FieldError> errors = new ArrayList<>();
        if (RegionCodes.level(in.regionCode()) != 5) {
            errors.add(new FieldError("regionCode", "农户须登记在村（社区）一级区划"));
        }
        checkCategory(errors, in.category(), in.monitoringType(), in.riskTypes(), in.liftedYear());
        IdCardNumber head = checkMember(errors, "head.", in.head());
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (!scope.covers(in.regionCode())) {
            throw ApiException.forbidden("只能在本人管辖的区划内登记农户");
        }
        String scopedKey = requestKey == null ? null : scope.accountId() + ":" + requestKey;
        Uni<HouseholdEntity> earlier = scopedKey == null ? Uni.createFrom().nullItem() : households.findByRequestKey(scopedKey);
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found.id)
                : regions.find(in.regionCode()).chain(region -> {
            if (region == null) {
                throw ApiException.invalid("regionCode", "区划不存在：" + in.regionCode());
            }
            return requireNotRegistered("head.idNumber", head).chain(() -> households.countInVillage(in.regionCode()))
                    .chain(n -> {
                        HouseholdEntity h = newHousehold(in, n + 1, scopedKey);
                        return households.persist(h)
                                .call(saved -> members.persist(member(saved.id, in.head(), head)))
                                .call(saved -> events.append(saved.id, null, "CREATED", scope, null, List.of(
                                        new FieldChange("householdNo", null, saved.householdNo),
                                        new FieldChange("category", null, saved.category.name()),
                                        new FieldChange("head", null, saved.headName))))
                                .map(saved -> saved.id);
                    });
        }));
    }

    /**
     * Writes the households of an import in one transaction after checking what only the database knows
     * (regions, scope, ID numbers already registered); any problem is reported by row and nothing is written.
     */
    @WithTransaction
    public Uni<ImportResult> importAll(Scope scope, List<HouseholdImport.Parsed> parsed) {
        scope.requireRole(EDITORS);
        LocalDate today = LocalDate.now(clock);
        List<org.dixian.platform.errors.RowError> errors = new ArrayList<>();
        Map<String, Integer> rowOfHash = new java.util.HashMap<>();
        for (HouseholdImport.Parsed p : parsed) {
            List<FieldError> fe = new ArrayList<>();
            if (RegionCodes.level(p.household().regionCode()) != 5) {
                fe.add(new FieldError("村区划代码", "农户须登记在村（社区）一级区划"));
            } else if (!scope.covers(p.household().regionCode())) {
                fe.add(new FieldError("村区划代码", "不在您的管辖范围内"));
            }
            checkCategory(fe, p.household().category(), p.household().monitoringType(), p.household().riskTypes(), null);
            fe.forEach(f -> errors.add(new org.dixian.platform.errors.RowError(p.headRow(), column(f.field()), f.message())));
            rowOfHash.put(index.of(ID_CARD, p.household().head().idNumber()), p.headRow());
            for (int i = 0; i < p.others().size(); i++) {
                rowOfHash.put(index.of(ID_CARD, p.others().get(i).idNumber()), p.otherRows().get(i));
            }
        }
        List<String> villages = parsed.stream().map(p -> p.household().regionCode()).distinct().toList();
        return regions.names(villages).chain(names -> members.activeHashes(rowOfHash.keySet()).chain(taken -> {
            for (HouseholdImport.Parsed p : parsed) {
                if (RegionCodes.isValid(p.household().regionCode()) && !names.containsKey(p.household().regionCode())) {
                    errors.add(new org.dixian.platform.errors.RowError(p.headRow(), "村区划代码", "区划不存在"));
                }
            }
            taken.forEach(h -> errors.add(new org.dixian.platform.errors.RowError(rowOfHash.get(h), "身份证号", "该身份证号已登记在其他农户中")));
            if (!errors.isEmpty()) {
                errors.sort(java.util.Comparator.comparingInt(org.dixian.platform.errors.RowError::row));
                throw ApiException.invalidRows("文件中有 " + errors.size() + " 处错误，未导入任何数据", errors);
            }
            Map<String, Long> next = new java.util.HashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            int[] memberCount = {0};
            for (HouseholdImport.Parsed p : parsed) {
                String village = p.household().regionCode();
                chain = chain.chain(() -> (next.containsKey(village) ? Uni.createFrom().item(next.get(village))
                        : households.countInVillage(village)).chain(n -> {
                    next.put(village, n + 1);
                    HouseholdEntity h = newHousehold(p.household(), n + 1, null);
                    h.memberCount = (short) (1 + p.others().size());
                    memberCount[0] += h.memberCount;
                    return households.persist(h)
                            .call(saved -> members.persist(member(saved.id, p.household().head(),
                                    IdCardNumber.parse(p.household().head().idNumber(), today))))
                            .call(saved -> {
                                Uni<Void> ms = Uni.createFrom().voidItem();
                                for (NewMember m : p.others()) {
                                    ms = ms.chain(() -> members.persist(member(saved.id, m, IdCardNumber.parse(m.idNumber(), today))).replaceWithVoid());
                                }
                                return ms;
                            })
                            .call(saved -> events.append(saved.id, null, "CREATED", scope, "Excel 导入", List.of(
                                    new FieldChange("householdNo", null, saved.householdNo),
                                    new FieldChange("category", null, saved.category.name()),
                                    new FieldChange("head", null, saved.headName))))
                            .replaceWithVoid();
                }));
            }
            return chain.map(v -> new ImportResult(parsed.size(), memberCount[0]));
        }));
    }

    private static String column(String field) {
        return switch (field) {
            case "monitoringType" -> "监测类型";
            case "riskTypes" -> "风险类型";
            case "liftedYear" -> "脱贫年度";
            default -> field;
        };
    }

    private HouseholdEntity newHousehold(NewHousehold in, long sequence, String scopedKey) {
        HouseholdEntity h = new HouseholdEntity();
        h.householdNo = in.regionCode() + String.format("%06d", sequence);
        h.regionCode = in.regionCode();
        h.address = blankToNull(in.address());
        h.category = in.category();
        h.liftedYear = in.liftedYear() == null ? null : in.liftedYear().shortValue();
        h.enjoysPolicy = in.enjoysPolicy();
        h.monitoringType = in.monitoringType();
        h.riskTypes = names(in.riskTypes());
        h.monitoringStart = in.monitoringStart();
        h.housingSafe = in.housingSafe();
        h.waterSafe = in.waterSafe();
        h.bankAccountEnc = cipher.encrypt(in.bankAccount());
        h.bankAccountHash = index.of(BANK, in.bankAccount());
        h.headName = in.head().name().trim();
        h.memberCount = 1;
        h.createdAt = OffsetDateTime.now(clock);
        h.updatedAt = h.createdAt;
        h.requestKey = scopedKey;
        return h;
    }

    /** Changes the given fields; every change is recorded from → to with the reason. */
    @WithTransaction
    public Uni<Household> update(Scope scope, long id, HouseholdChange in) {
        scope.requireRole(EDITORS);
        return households.requireVisible(scope, id).chain(h -> {
            if (h.version != in.version()) {
                throw ApiException.conflict("该农户信息已被他人修改，请刷新后重试");
            }
            List<FieldChange> changes = new ArrayList<>();
            h.address = track(changes, "address", h.address, in.address(), Function.identity());
            h.category = track(changes, "category", h.category, in.category(), Enum::name);
            h.liftedYear = track(changes, "liftedYear", h.liftedYear,
                    in.liftedYear() == null ? null : in.liftedYear().shortValue(), String::valueOf);
            h.enjoysPolicy = track(changes, "enjoysPolicy", h.enjoysPolicy, in.enjoysPolicy(), String::valueOf);
            h.monitoringType = track(changes, "monitoringType", h.monitoringType, in.monitoringType(), Enum::name);
            h.riskTypes = track(changes, "riskTypes", h.riskTypes, in.riskTypes() == null ? null : names(in.riskTypes()),
                    l -> String.join(",", l));
            h.monitoringStart = track(changes, "monitoringStart", h.monitoringStart, in.monitoringStart(), String::valueOf);
            if (in.riskEliminated() != null) {
                h.riskEliminated = track(changes, "riskEliminated", h.riskEliminated, in.riskEliminated(), String::valueOf);
            }
            h.riskEliminatedOn = track(changes, "riskEliminatedOn", h.riskEliminatedOn, in.riskEliminatedOn(), String::valueOf);
            h.housingSafe = track(changes, "housingSafe", h.housingSafe, in.housingSafe(), String::valueOf);
            h.waterSafe = track(changes, "waterSafe", h.waterSafe, in.waterSafe(), String::valueOf);
            if (in.bankAccount() != null) {
                String old = cipher.decrypt(h.bankAccountEnc);
                if (!in.bankAccount().equals(old)) {
                    changes.add(new FieldChange("bankAccount", Masking.bankAccount(old), Masking.bankAccount(in.bankAccount())));
                    h.bankAccountEnc = cipher.encrypt(in.bankAccount());
                    h.bankAccountHash = index.of(BANK, in.bankAccount());
                }
            }
            List<FieldError> errors = new ArrayList<>();
            checkCategory(errors, h.category, h.monitoringType, riskTypes(h), h.liftedYear == null ? null : (int) h.liftedYear);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            if (changes.isEmpty()) {
                throw ApiException.invalid("version", "没有需要修改的内容");
            }
            h.updatedAt = OffsetDateTime.now(clock);
            return events.append(h.id, null, "UPDATED", scope, in.reason().trim(), changes)
                    .chain(() -> households.flush()).chain(() -> detail(h));
        });
    }

    /**
     * The county's approval of an identification case makes the household a monitoring object of the given type
     * with the confirmed risks from the given start (or renews the risks of one already monitored, keeping its
     * start); recorded as a household event with the reason. Runs in the caller's transaction.
     */
    @WithTransaction
    public Uni<Household> startMonitoring(Scope scope, long id, MonitoringType type, List<RiskType> risks, LocalDate start,
                                          String reason) {
        scope.requireRole(Role.COUNTY_CADRE);
        return households.requireVisible(scope, id).chain(h -> {
            boolean renewing = h.category == HouseholdCategory.MONITORED && !h.riskEliminated;
            List<FieldChange> changes = new ArrayList<>();
            h.category = track(changes, "category", h.category, HouseholdCategory.MONITORED, Enum::name);
            h.monitoringType = track(changes, "monitoringType", h.monitoringType, type, Enum::name);
            h.riskTypes = track(changes, "riskTypes", h.riskTypes, names(risks), l -> String.join(",", l));
            if (!renewing) {
                h.monitoringStart = track(changes, "monitoringStart", h.monitoringStart, start, String::valueOf);
            }
            if (h.riskEliminated) {
                changes.add(new FieldChange("riskEliminated", "true", "false"));
                h.riskEliminated = false;
                h.riskEliminatedOn = null;
            }
            h.updatedAt = OffsetDateTime.now(clock);
            return events.append(h.id, null, "MONITORING_STARTED", scope, reason, changes)
                    .chain(() -> households.flush()).chain(() -> detail(h));
        });
    }

    /** Head name and member count of households, for listings outside the registry (no scope: callers check it). */
    public record Head(long householdId, String regionCode, String name, int memberCount) {
    }

    @WithSession
    public Uni<Map<Long, Head>> heads(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return households.list("id in ?1", ids).map(list -> {
            Map<Long, Head> out = new HashMap<>();
            list.forEach(h -> out.put(h.id, new Head(h.id, h.regionCode, h.headName, h.memberCount)));
            return out;
        });
    }

    /** Adds a member; a person may be in one household only. */
    @WithTransaction
    public Uni<Household> addMember(Scope scope, long id, NewMember in) {
        scope.requireRole(EDITORS);
        List<FieldError> errors = new ArrayList<>();
        IdCardNumber idCard = checkMember(errors, "", in);
        if ("HEAD".equals(in.relation())) {
            errors.add(new FieldError("relation", "一户只能有一位户主"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return households.requireVisible(scope, id).chain(h -> requireNotRegistered("idNumber", idCard).chain(() -> {
            MemberEntity m = member(h.id, in, idCard);
            h.memberCount++;
            h.updatedAt = OffsetDateTime.now(clock);
            return members.persist(m).chain(saved -> events.append(h.id, saved.id, "MEMBER_ADDED", scope, null, List.of(
                    new FieldChange("name", null, saved.name), new FieldChange("relation", null, saved.relation))))
                    .chain(() -> households.flush()).chain(() -> detail(h));
        }));
    }

    /** Removes a member (the row stays, marked removed); the head cannot be removed. */
    @WithTransaction
    public Uni<Household> removeMember(Scope scope, long id, long memberId, String reason) {
        scope.requireRole(EDITORS);
        return households.requireVisible(scope, id).chain(h -> members.findById(memberId).chain(m -> {
            if (m == null || m.removed || !m.householdId.equals(h.id)) {
                throw ApiException.notFound("该户没有这位成员");
            }
            if ("HEAD".equals(m.relation)) {
                throw ApiException.conflict("不能移除户主，请先变更户主");
            }
            m.removed = true;
            h.memberCount--;
            h.updatedAt = OffsetDateTime.now(clock);
            return events.append(h.id, m.id, "MEMBER_REMOVED", scope, reason.trim(),
                            List.of(new FieldChange("name", m.name, null)))
                    .chain(() -> households.flush()).chain(() -> detail(h));
        }));
    }

    /** Moves a member to another household the caller may edit (e.g. marriage, split); both get an event. */
    @WithTransaction
    public Uni<Household> moveMember(Scope scope, long id, long memberId, MoveRequest in) {
        scope.requireRole(EDITORS);
        List<FieldError> errors = new ArrayList<>();
        MemberCodes.check(errors, "relation", in.relation(), "relation");
        if ("HEAD".equals(in.relation())) {
            errors.add(new FieldError("relation", "迁入的成员不能直接成为户主"));
        }
        if (in.toHouseholdId() == id) {
            errors.add(new FieldError("toHouseholdId", "迁入的农户不能是本户"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return households.requireVisible(scope, id).chain(from -> households.requireVisible(scope, in.toHouseholdId()).chain(to ->
                members.findById(memberId).chain(m -> {
                    if (m == null || m.removed || !m.householdId.equals(from.id)) {
                        throw ApiException.notFound("该户没有这位成员");
                    }
                    if ("HEAD".equals(m.relation)) {
                        throw ApiException.conflict("不能迁出户主，请先变更户主");
                    }
                    String oldRelation = m.relation;
                    m.householdId = to.id;
                    m.relation = in.relation();
                    from.memberCount--;
                    to.memberCount++;
                    from.updatedAt = OffsetDateTime.now(clock);
                    to.updatedAt = from.updatedAt;
                    String reason = in.reason().trim();
                    return events.append(from.id, m.id, "MEMBER_MOVED_OUT", scope, reason, List.of(
                                    new FieldChange("name", m.name, null), new FieldChange("household", from.householdNo, to.householdNo)))
                            .chain(() -> events.append(to.id, m.id, "MEMBER_MOVED_IN", scope, reason, List.of(
                                    new FieldChange("name", null, m.name), new FieldChange("household", from.householdNo, to.householdNo),
                                    new FieldChange("relation", oldRelation, m.relation))))
                            .chain(() -> households.flush()).chain(() -> detail(from));
                })));
    }

    /** Soft-deletes a household (kept for history); its members are released so they can be registered elsewhere. */
    @WithTransaction
    public Uni<Void> delete(Scope scope, long id, String reason) {
        scope.requireRole(EDITORS);
        return households.requireVisible(scope, id).chain(h -> members.ofHousehold(h.id).chain(ms -> {
            ms.forEach(m -> m.removed = true);
            h.deleted = true;
            h.memberCount = 0;
            h.updatedAt = OffsetDateTime.now(clock);
            return events.append(h.id, null, "DELETED", scope, reason.trim(), List.of(new FieldChange("deleted", "false", "true")))
                    .chain(() -> households.flush()).replaceWithVoid();
        }));
    }

    /** The household's history in order; a farmer sees its own. */
    @WithSession
    public Uni<List<HouseholdEvent>> timeline(Scope scope, long id) {
        requireReader(scope);
        return households.requireVisible(scope, id).chain(h -> events.ofHousehold(h.id))
                .map(l -> l.stream().map(HouseholdEventEntity::view).toList());
    }

    /** Who looked at the household (role, region, when), newest first: for its cadres and its farmer. */
    @WithSession
    public Uni<List<AccessRecord>> viewers(Scope scope, long id) {
        if (scope.role() == Role.API_CLIENT || scope.role() == Role.ACCOUNT_MANAGER) {
            throw ApiException.forbidden("当前角色无权查看访问记录");
        }
        return households.requireVisible(scope, id).chain(h -> access.ofHousehold(h.id, 200)).chain(list ->
                regions.names(list.stream().map(a -> a.actor == null ? null : a.actor.region)
                        .filter(java.util.Objects::nonNull).toList()).map(names -> list.stream()
                        .map(a -> new AccessRecord(a.kind, a.field, a.actor == null ? null : a.actor.role,
                                a.actor == null ? null : a.actor.region,
                                a.actor == null || a.actor.region == null ? null : names.get(a.actor.region), a.at)).toList()));
    }

    /** A full protected value, with a reason, for the household's township and village cadres; logged. */
    @WithTransaction
    public Uni<RevealedValue> reveal(Scope scope, long id, RevealRequest in) {
        scope.requireRole(REVEALERS);
        if (in.field() != ProtectedField.BANK_ACCOUNT && in.memberId() == null) {
            throw ApiException.invalid("memberId", "请指定成员");
        }
        return households.requireVisible(scope, id).chain(h -> {
            if (in.field() == ProtectedField.BANK_ACCOUNT) {
                if (h.bankAccountEnc == null) {
                    throw ApiException.notFound("该户没有登记银行账号");
                }
                return access.log(h.id, null, "REVEAL", in.field(), scope, in.reason().trim())
                        .map(a -> new RevealedValue(in.field(), cipher.decrypt(h.bankAccountEnc)));
            }
            return members.findById(in.memberId()).chain(m -> {
                if (m == null || m.removed || !m.householdId.equals(h.id)) {
                    throw ApiException.notFound("该户没有这位成员");
                }
                String stored = in.field() == ProtectedField.ID_NUMBER ? m.idCardEnc : m.phoneEnc;
                if (stored == null) {
                    throw ApiException.notFound("该成员没有登记此项信息");
                }
                return access.log(h.id, m.id, "REVEAL", in.field(), scope, in.reason().trim())
                        .map(a -> new RevealedValue(in.field(), cipher.decrypt(stored)));
            });
        });
    }

    /** The current member with this ID number, for binding (no scope: the farmer proves knowledge). */
    @WithSession
    public Uni<BindCandidate> bindCandidate(String idNumber) {
        return members.activeByIdCard(index.of(ID_CARD, IdCardNumber.normalise(idNumber))).chain(m -> {
            if (m == null) {
                return Uni.createFrom().nullItem();
            }
            return households.findById(m.householdId).chain(h -> h == null || h.deleted ? Uni.createFrom().nullItem()
                    : grants.findById(new BindingGrantEntity.Key(h.id, m.id)).map(g -> new BindCandidate(h.id, m.id,
                    h.regionCode, m.name, m.phoneHash, "HEAD".equals(m.relation) || g != null)));
        });
    }

    /** What binding checks against; the phone only as its blind index. */
    public record BindCandidate(long householdId, long memberId, String regionCode, String memberName, String phoneHash,
                                boolean allowed) {
        public boolean phoneMatches(BlindIndex index, String phone) {
            return phoneHash == null || (phone != null && phoneHash.equals(index.of(PHONE, phone)));
        }
    }

    /** The head (a farmer bound as the 户主) lets another member of the household bind its own WeChat account. */
    @WithTransaction
    public Uni<Void> allowBinding(Scope scope, Long boundMember, long memberId) {
        scope.requireRole(Role.FARMER);
        if (scope.householdId() == null) {
            throw ApiException.forbidden("请先绑定农户");
        }
        return members.findById(boundMember == null ? -1L : boundMember).chain(self -> {
            if (self == null || self.removed || !"HEAD".equals(self.relation) || !self.householdId.equals(scope.householdId())) {
                throw ApiException.forbidden("只有户主可以授权家庭成员绑定");
            }
            return members.findById(memberId).chain(m -> {
                if (m == null || m.removed || !m.householdId.equals(scope.householdId())) {
                    throw ApiException.notFound("该户没有这位成员");
                }
                if ("HEAD".equals(m.relation)) {
                    throw ApiException.conflict("户主无需授权");
                }
                return grants.findById(new BindingGrantEntity.Key(m.householdId, m.id)).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    BindingGrantEntity g = new BindingGrantEntity();
                    g.householdId = m.householdId;
                    g.memberId = m.id;
                    g.grantedBy = scope.accountId();
                    g.grantedAt = OffsetDateTime.now(clock);
                    return grants.persist(g).chain(() -> events.append(m.householdId, m.id, "BINDING_ALLOWED", scope,
                            null, List.of(new FieldChange("name", null, m.name)))).replaceWithVoid();
                });
            });
        });
    }

    @WithSession
    Uni<Household> reload(long id) {
        return households.findById(id).chain(this::detail);
    }


    /** Readers of a household: its bound farmer, or the reading roles (clients with households:read). */
    static void requireReader(Scope scope) {
        if (scope.role() != Role.FARMER) {
            scope.requireRole(READERS);
            scope.requireClientScope("households:read");
        }
    }

    private Uni<Void> requireNotRegistered(String field, IdCardNumber id) {
        return members.activeByIdCard(index.of(ID_CARD, id.value())).map(existing -> {
            if (existing != null) {
                throw new ApiException(409, "conflict", "与现有数据冲突", "该身份证号已登记在其他农户中",
                        List.of(new FieldError(field, "该身份证号已登记在其他农户中")));
            }
            return null;
        });
    }

    private Uni<Household> detail(HouseholdEntity h) {
        return members.ofHousehold(h.id).chain(ms -> incomes.ofHousehold(h.id).chain(is -> view(h, ms, is)));
    }

    private Uni<Household> view(HouseholdEntity h, List<MemberEntity> ms, List<IncomeEntity> is) {
        return regions.names(List.of(h.regionCode)).map(names -> new Household(h.id, h.householdNo, h.regionCode,
                        names.getOrDefault(h.regionCode, ""), h.address, h.category,
                        h.liftedYear == null ? null : (int) h.liftedYear, h.enjoysPolicy, h.monitoringType, riskTypes(h),
                        h.monitoringStart, h.riskEliminated, h.riskEliminatedOn, h.housingSafe, h.waterSafe,
                        Masking.bankAccount(cipher.decrypt(h.bankAccountEnc)),
                        ms.stream().map(this::memberView).toList(), is.stream().map(IncomeEntity::view).toList(),
                        h.version));
    }

    private Member memberView(MemberEntity m) {
        LocalDate today = LocalDate.now(clock);
        return new Member(m.id, m.name, Masking.idCard(cipher.decrypt(m.idCardEnc)), m.gender, m.birthDate,
                Period.between(m.birthDate, today).getYears(), m.relation, m.ethnicity, m.politicalStatus, m.education,
                m.schoolingStatus, m.health, m.disabilityGrade == null ? null : (int) m.disabilityGrade, m.laborAbility,
                m.workStatus, m.workPlace, m.pensionInsured, m.medicalInsured, Masking.phone(cipher.decrypt(m.phoneEnc)),
                m.assistanceStatus);
    }

    private MemberEntity member(long householdId, NewMember in, IdCardNumber id) {
        MemberEntity m = new MemberEntity();
        m.householdId = householdId;
        m.name = in.name().trim();
        m.idCardEnc = cipher.encrypt(id.value());
        m.idCardHash = index.of(ID_CARD, id.value());
        m.gender = Gender.valueOf(id.gender().name());
        m.birthDate = id.birthDate();
        m.relation = in.relation();
        m.ethnicity = blankToNull(in.ethnicity());
        m.politicalStatus = blankToNull(in.politicalStatus());
        m.education = blankToNull(in.education());
        m.schoolingStatus = blankToNull(in.schoolingStatus());
        m.health = in.health();
        m.disabilityGrade = in.disabilityGrade() == null ? null : in.disabilityGrade().shortValue();
        m.laborAbility = in.laborAbility();
        m.workStatus = blankToNull(in.workStatus());
        m.workPlace = in.workPlace();
        m.pensionInsured = in.pensionInsured();
        m.medicalInsured = in.medicalInsured();
        m.phoneEnc = cipher.encrypt(in.phone());
        m.phoneHash = index.of(PHONE, in.phone());
        m.phoneLast4 = in.phone() == null ? null : in.phone().substring(7);
        m.assistanceStatus = in.assistanceStatus();
        m.createdAt = OffsetDateTime.now(clock);
        return m;
    }

    private IdCardNumber checkMember(List<FieldError> errors, String prefix, NewMember m) {
        MemberCodes.check(errors, prefix + "relation", m.relation(), "relation");
        MemberCodes.check(errors, prefix + "health", m.health(), "health");
        MemberCodes.check(errors, prefix + "laborAbility", m.laborAbility(), "laborAbility");
        MemberCodes.check(errors, prefix + "workPlace", m.workPlace(), "workPlace");
        MemberCodes.check(errors, prefix + "assistanceStatus", m.assistanceStatus(), "assistanceStatus");
        if ("DISABLED".equals(m.health()) && m.disabilityGrade() == null) {
            errors.add(new FieldError(prefix + "disabilityGrade", "残疾人请填写残疾等级"));
        }
        var problem = IdCardNumber.problem(m.idNumber(), LocalDate.now(clock));
        if (problem.isPresent()) {
            errors.add(new FieldError(prefix + "idNumber", problem.get()));
            return null;
        }
        return IdCardNumber.parse(m.idNumber(), LocalDate.now(clock));
    }

    private static void checkCategory(List<FieldError> errors, HouseholdCategory category, MonitoringType type,
                                      List<RiskType> risks, Integer liftedYear) {
        if (category == HouseholdCategory.MONITORED) {
            if (type == null) {
                errors.add(new FieldError("monitoringType", "监测对象须选择监测类型"));
            }
            if (risks == null || risks.isEmpty()) {
                errors.add(new FieldError("riskTypes", "监测对象须选择至少一种风险类型"));
            }
        } else if (type != null) {
            errors.add(new FieldError("monitoringType", "只有监测对象才有监测类型"));
        }
        if (liftedYear != null && (liftedYear < 2013 || liftedYear > 2020)) {
            errors.add(new FieldError("liftedYear", "脱贫年度应在 2013 到 2020 年之间"));
        }
    }

    private static <T> T track(List<FieldChange> changes, String field, T old, T proposed, Function<T, String> text) {
        if (proposed == null || Objects.equals(old, proposed)) {
            return old;
        }
        changes.add(new FieldChange(field, old == null ? null : text.apply(old), text.apply(proposed)));
        return proposed;
    }

    private static List<RiskType> riskTypes(HouseholdEntity h) {
        return h.riskTypes == null ? List.of() : h.riskTypes.stream().map(RiskType::valueOf).toList();
    }

    private static List<String> names(List<RiskType> risks) {
        return risks == null ? new ArrayList<>() : risks.stream().distinct().map(Enum::name).toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
