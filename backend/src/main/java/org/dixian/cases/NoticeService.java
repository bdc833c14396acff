package org.dixian.cases;

import org.dixian.platform.persistence.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.dixian.household.HouseholdService;
import org.dixian.household.RiskType;
import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.crypto.FieldCipher;
import org.dixian.platform.crypto.Masking;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 公示 and 异议: the public board of a village lists its cases under notice without anything sensitive; anyone may
 * object while the notice runs (limited per sender address), and the village's cadres answer each objection once.
 * An unanswered objection keeps the case from moving on ({@link ChainService#closeNotice}).
 */
@ApplicationScoped
public class NoticeService {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final ObjectionRepository objections;
    private final CaseNotices notices;
    private final HouseholdService households;
    private final RegionService regions;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveKeyCommands<String> keys;
    private final Clock clock;
    private final int perHour;

    public NoticeService(CaseRepository cases, CaseEventRepository events, ObjectionRepository objections,
                         CaseNotices notices, HouseholdService households, RegionService regions, FieldCipher cipher,
                         BlindIndex index, ReactiveRedisDataSource redis, Clock clock,
                         @ConfigProperty(name = "dixian.cases.objections-per-hour", defaultValue = "10") int perHour) {
        this.cases = cases;
        this.events = events;
        this.objections = objections;
        this.notices = notices;
        this.households = households;
        this.regions = regions;
        this.cipher = cipher;
        this.index = index;
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.clock = clock;
        this.perHour = perHour;
    }

    /** The village's public notice board: who is under notice, for what, until when. */
    @WithSession
    public Uni<VillageNoticeBoard> board(String village) {
        if (RegionCodes.level(village) != 5) {
            throw ApiException.invalid("code", "请提供村（社区）的区划代码");
        }
        return regions.names(List.of(village)).chain(names -> {
            if (!names.containsKey(village)) {
                throw ApiException.notFound("区划不存在：" + village);
            }
            return cases.list("regionCode = ?1 and stage = ?2 order by id", village, CaseStage.PUBLIC_NOTICE).chain(list -> {
                List<Long> ids = list.stream().map(c -> c.id).toList();
                return households.heads(list.stream().filter(c -> c.householdId != null).map(c -> c.householdId).toList())
                        .chain(heads -> reviews(ids).map(passed -> new VillageNoticeBoard(village, names.get(village),
                                list.stream().map(c -> {
                                    HouseholdService.Head h = c.householdId == null ? null : heads.get(c.householdId);
                                    CaseVillageReviewEntity r = passed.get(c.id);
                                    return new VillageNotice(c.id, java.util.Objects.requireNonNullElse(Masking.name(h != null ? h.name() : c.applicantName), "*"),
                                            h == null ? null : h.memberCount(),
                                            c.riskTypes.stream().map(RiskType::valueOf).toList(),
                                            r == null ? null : r.opinion,
                                            r == null ? null : r.at.atZoneSameInstant(clock.getZone()).toLocalDate(),
                                            c.noticeEnds);
                                }).toList())));
            });
        });
    }

    /** The latest passing village review of each case. */
    private Uni<Map<Long, CaseVillageReviewEntity>> reviews(List<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return cases.getSession().chain(s -> s.createSelectionQuery(
                        "from CaseVillageReviewEntity r where r.caseId in :ids and r.decision = :pass order by r.id",
                        CaseVillageReviewEntity.class)
                .setParameter("ids", caseIds).setParameter("pass", CaseDecision.PASS).getResultList()).map(list -> {
            Map<Long, CaseVillageReviewEntity> out = new HashMap<>();
            list.forEach(r -> out.put(r.caseId, r));
            return out;
        });
    }

    /**
     * Anyone objects to a case under notice. The case row is locked and its version raised, so a cadre closing the
     * notice at the same moment gets a conflict instead of passing an objection nobody has seen.
     */
    public Uni<ObjectionReceipt> file(long caseId, NewObjection in, String sender) {
        String source = index.of("address", sender == null ? "unknown" : sender);
        String key = "objection-rate:" + source;
        return counters.incr(key).call(n -> n == 1 ? keys.expire(key, WINDOW) : Uni.createFrom().voidItem())
                .chain(n -> {
                    if (n > perHour) {
                        throw ApiException.tooManyRequests("提交过于频繁，请 1 小时后再试");
                    }
                    return insert(caseId, in, source);
                });
    }

    @WithTransaction
    Uni<ObjectionReceipt> insert(long caseId, NewObjection in, String sourceHash) {
        return cases.findById(caseId, LockModeType.PESSIMISTIC_FORCE_INCREMENT).chain(c -> {
            if (c == null || c.stage != CaseStage.PUBLIC_NOTICE) {
                throw ApiException.notFound("没有这项公示，或公示已结束");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            ObjectionEntity o = new ObjectionEntity();
            o.caseId = c.id;
            o.content = in.content().trim();
            o.contactName = in.contactName() == null || in.contactName().isBlank() ? null : in.contactName().trim();
            o.contactPhoneEnc = cipher.encrypt(in.contactPhone());
            o.contactPhoneHash = in.contactPhone() == null ? null : index.of("phone", in.contactPhone());
            o.sourceHash = sourceHash;
            o.filedAt = now;
            return objections.persist(o)
                    .call(saved -> events.append(c.id, "OBJECTION_FILED", c.stage, null, now, "公示期间收到异议（编号 " + saved.id + "）", null))
                    .call(() -> notices.objectionFiled(c))
                    .map(saved -> new ObjectionReceipt(saved.id, c.id, now));
        });
    }

    /** The objections to a case, for the cadres of its region. */
    @WithSession
    public Uni<List<Objection>> list(Scope scope, long caseId) {
        scope.requireRole(CaseService.CADRES);
        return cases.requireVisible(scope, caseId).chain(c -> objections.ofCase(c.id).chain(list ->
                objections.answersOf(c.id).map(answers -> {
                    Map<Long, ObjectionAnswerEntity> byId = new HashMap<>();
                    answers.forEach(a -> byId.put(a.objectionId, a));
                    return list.stream().map(o -> view(o, byId.get(o.id))).toList();
                })));
    }

    /** The village's cadres answer an objection, once; the answer is a step of the case. */
    @WithTransaction
    public Uni<Objection> answer(Scope scope, long caseId, long objectionId, ObjectionAnswer in) {
        scope.requireRole(CaseService.VISITORS);
        return cases.requireVisible(scope, caseId).chain(c -> objections.findById(objectionId).chain(o -> {
            if (o == null || !o.caseId.equals(c.id)) {
                throw ApiException.notFound("未找到该异议");
            }
            return objections.answerOf(o.id).chain(existing -> {
                if (existing != null) {
                    throw ApiException.conflict("该异议已答复，不能重复答复");
                }
                if (!c.open) {
                    throw ApiException.conflict("案件已办结，不能再答复异议");
                }
                OffsetDateTime now = OffsetDateTime.now(clock);
                ObjectionAnswerEntity a = new ObjectionAnswerEntity();
                a.objectionId = o.id;
                a.caseId = c.id;
                a.answer = in.answer().trim();
                a.actor = Actor.of(scope);
                a.at = now;
                return objections.getSession().chain(s -> s.persist(a))
                        .chain(() -> events.append(c.id, "OBJECTION_ANSWERED", c.stage, scope, now,
                                "答复异议（编号 " + o.id + "）：" + a.answer, null))
                        .chain(() -> objections.flush())
                        .map(x -> view(o, a));
            });
        }));
    }

    private Objection view(ObjectionEntity o, ObjectionAnswerEntity a) {
        return new Objection(o.id, o.caseId, o.content, o.contactName, Masking.phone(cipher.decrypt(o.contactPhoneEnc)),
                o.filedAt, a == null, a == null ? null : a.answer, a == null ? null : a.at, a == null ? null : a.actor.role);
    }
}
