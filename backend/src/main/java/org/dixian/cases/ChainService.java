package org.dixian.cases;

import org.dixian.platform.persistence.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.calendar.WorkingCalendar;
import org.dixian.household.HouseholdService;
import org.dixian.household.RiskType;
import org.dixian.media.MediaService;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.outbox.Outbox;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identification chain after the home visit (DOMAIN.md; seed 001 动态监测): 村评议 → 公示 → 乡审核 → 县审定.
 * Each stage is acted on once, by a cadre of that stage's level whose region holds the case, on the version of
 * the case they read; any review may reject (with a reason the farmer is told) or return the case one stage.
 * County approval makes the household a monitoring object and queues the national sync.
 */
@ApplicationScoped
public class ChainService {
    /** The topic of the national system's sync (delivered by the national interface, kept until then). */
    public static final String NATIONAL_SYNC = "national.sync";

    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final CaseService caseService;
    private final CaseVisitRepository visits;
    private final ObjectionRepository objections;
    private final CaseNotices notices;
    private final HouseholdService households;
    private final MediaService media;
    private final Outbox outbox;
    private final WorkingCalendar calendar;
    private final StageLimits limits;
    private final Clock clock;

    public ChainService(CaseRepository cases, CaseEventRepository events, CaseService caseService, CaseVisitRepository visits,
                        ObjectionRepository objections, CaseNotices notices, HouseholdService households,
                        MediaService media, Outbox outbox, WorkingCalendar calendar,
                        StageLimits limits, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.caseService = caseService;
        this.visits = visits;
        this.objections = objections;
        this.notices = notices;
        this.households = households;
        this.media = media;
        this.outbox = outbox;
        this.calendar = calendar;
        this.limits = limits;
        this.clock = clock;
    }

    /** 村民主评议: PASS publishes the notice, REJECT ends the case, RETURN sends it back to the home visit. */
    @WithTransaction
    public Uni<Case> villageReview(Scope scope, long id, VillageReviewRequest in) {
        scope.requireRole(CaseService.VISITORS);
        return current(scope, id, CaseStage.VILLAGE_REVIEW, in.version()).chain(c -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            LocalDate today = now.toLocalDate();
            if (in.meetingDate().isAfter(today)) {
                throw ApiException.invalid("meetingDate", "评议会议日期不能晚于今天");
            }
            if (in.meetingDate().isBefore(c.createdAt.atZoneSameInstant(clock.getZone()).toLocalDate())) {
                throw ApiException.invalid("meetingDate", "评议会议日期不能早于申报日期");
            }
            String opinion = in.opinion().trim();
            List<Long> photos = in.photoIds() == null ? List.of() : in.photoIds().stream().distinct().toList();
            CaseVillageReviewEntity r = new CaseVillageReviewEntity();
            r.caseId = c.id;
            r.meetingDate = in.meetingDate();
            r.participants = in.participants();
            r.decision = in.decision();
            r.opinion = opinion;
            r.actor = Actor.of(scope);
            r.at = now;
            StageLimits.Limits l = limits.of(c.regionCode);
            Uni<Void> record = media.attach(scope, photos, c.regionCode, "case:" + c.id, "photoIds")
                    .chain(() -> cases.getSession()).chain(s -> s.persist(r))
                    .chain(() -> events.append(c.id, "VILLAGE_REVIEWED", c.stage, scope, now,
                            "评议会议 " + in.meetingDate() + "，参会 " + in.participants() + " 人：" + opinion, null,
                            in.decision(), in.latitude(), in.longitude(), photos)).replaceWithVoid();
            return record.chain(() -> switch (in.decision()) {
                case PASS -> {
                    LocalDate ends = Deadlines.due(calendar.days(), clock, l.publicNotice());
                    c.stage = CaseStage.PUBLIC_NOTICE;
                    c.noticeEnds = ends;
                    c.stageDue = ends;
                    yield events.append(c.id, "NOTICE_PUBLISHED", c.stage, scope, now,
                                    "在村务公开栏和线上公示 " + l.publicNotice() + " 个工作日，" + ends + " 起无未答复异议可报乡镇审核", ends)
                            .chain(() -> notices.farmer(c, "申报已通过村评议", "您的申报已通过村民主评议，正在公示，公示期满后报乡镇审核"));
                }
                case REJECT -> end(c, scope, now, "村评议未通过", opinion);
                case RETURN -> moveTo(c, CaseStage.VISIT, l.visit(), scope, now, "退回重新入户核实：" + opinion)
                        .chain(() -> notices.farmer(c, "申报退回重新核实", "村评议意见：" + opinion + "。村干部将再次入户核实"));
            }).chain(() -> done(c));
        });
    }

    /** 公示期满: from the day the notice ends, and only with every objection answered, the case goes to the township. */
    @WithTransaction
    public Uni<Case> closeNotice(Scope scope, long id, CaseVersion in) {
        scope.requireRole(CaseService.VISITORS);
        return current(scope, id, CaseStage.PUBLIC_NOTICE, in.version()).chain(c -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!Deadlines.noticeOver(c.noticeEnds, clock)) {
                throw ApiException.conflict("公示期至 " + c.noticeEnds + " 期满，期满后才能报乡镇审核");
            }
            return objections.openCounts(List.of(c.id)).chain(open -> {
                int n = open.getOrDefault(c.id, 0);
                if (n > 0) {
                    throw ApiException.conflict("还有 " + n + " 条异议未答复，答复后才能报乡镇审核");
                }
                return moveTo(c, "NOTICE_CLOSED", CaseStage.TOWNSHIP_REVIEW, limits.of(c.regionCode).townshipReview(), scope,
                        now, "公示期满，无未答复的异议，报乡镇审核");
            }).chain(() -> done(c));
        });
    }

    /** 乡镇审核: PASS goes to the county, REJECT ends the case, RETURN sends it back to the village review. */
    @WithTransaction
    public Uni<Case> townshipReview(Scope scope, long id, StageDecisionRequest in) {
        scope.requireRole(Role.TOWNSHIP_CADRE);
        String reason = requireReason(in);
        return current(scope, id, CaseStage.TOWNSHIP_REVIEW, in.version()).chain(c -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            StageLimits.Limits l = limits.of(c.regionCode);
            return events.append(c.id, "TOWNSHIP_REVIEWED", c.stage, scope, now, reason, null, in.decision(),
                    in.latitude(), in.longitude(), null).chain(() -> switch (in.decision()) {
                case PASS -> moveTo(c, CaseStage.COUNTY_APPROVAL, l.countyApproval(), scope, now, "乡镇审核通过，报县级审定");
                case REJECT -> end(c, scope, now, "乡镇审核未通过", reason);
                case RETURN -> moveTo(c, CaseStage.VILLAGE_REVIEW, l.villageReview(), scope, now, "乡镇退回村评议：" + reason);
            }).chain(() -> done(c));
        });
    }

    /**
     * 县级审定: PASS makes the household a monitoring object (type chosen here, the risks the visit confirmed, from
     * today) and queues the national sync; REJECT ends the case; RETURN sends it back to the township.
     */
    @WithTransaction
    public Uni<Case> countyApproval(Scope scope, long id, StageDecisionRequest in) {
        scope.requireRole(Role.COUNTY_CADRE);
        String reason = requireReason(in);
        if (in.decision() == CaseDecision.PASS && in.monitoringType() == null) {
            throw ApiException.invalid("monitoringType", "审定通过时请选择监测类型");
        }
        return current(scope, id, CaseStage.COUNTY_APPROVAL, in.version()).chain(c -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            Uni<Void> step = events.append(c.id, "COUNTY_APPROVED", c.stage, scope, now, reason, null, in.decision(),
                    in.latitude(), in.longitude(), null).replaceWithVoid();
            return step.chain(() -> switch (in.decision()) {
                case PASS -> approve(c, scope, now, in);
                case REJECT -> end(c, scope, now, "县级审定未通过", reason);
                case RETURN -> moveTo(c, CaseStage.TOWNSHIP_REVIEW, limits.of(c.regionCode).townshipReview(), scope, now,
                        "县级退回乡镇审核：" + reason);
            }).chain(() -> done(c));
        });
    }

    private Uni<Void> approve(CaseEntity c, Scope scope, OffsetDateTime now, StageDecisionRequest in) {
        if (c.householdId == null) {
            throw ApiException.conflict("该申报尚未关联建档农户：请退回重新入户核实，核实时关联已为其建档的农户");
        }
        LocalDate today = now.toLocalDate();
        return visits.latest(c.id).chain(v -> {
            List<String> confirmed = v != null && v.riskTypes != null && !v.riskTypes.isEmpty() ? v.riskTypes : c.riskTypes;
            List<RiskType> risks = confirmed.stream().map(RiskType::valueOf).toList();
            c.stage = CaseStage.APPROVED;
            c.open = false;
            c.stageDue = null;
            Map<String, Object> sync = new LinkedHashMap<>();
            sync.put("kind", "MONITORING_STARTED");
            sync.put("caseId", c.id);
            sync.put("householdId", c.householdId);
            sync.put("regionCode", c.regionCode);
            sync.put("monitoringType", in.monitoringType().name());
            sync.put("riskTypes", confirmed);
            sync.put("monitoringStart", today.toString());
            sync.put("approvedAt", now.toString());
            return households.startMonitoring(scope, c.householdId, in.monitoringType(), risks, today,
                            "县级审定纳入监测对象（识别案件编号 " + c.id + "）")
                    .chain(() -> outbox.enqueue(NATIONAL_SYNC, "case:" + c.id + ":approved", sync))
                    .chain(() -> events.append(c.id, "MONITORING_STARTED", c.stage, scope, now,
                            "纳入监测对象，监测类型：" + org.dixian.household.Labels.monitoringType(in.monitoringType()) + "，自 " + today + " 起监测", null))
                    .chain(() -> notices.farmer(c, "申报已认定", "经县级审定，您家已纳入防止返贫监测对象，将落实帮扶措施"));
        });
    }

    private Uni<Void> end(CaseEntity c, Scope scope, OffsetDateTime now, String title, String reason) {
        c.stage = CaseStage.REJECTED;
        c.open = false;
        c.stageDue = null;
        return events.append(c.id, "REJECTED", c.stage, scope, now, title + "：" + reason, null)
                .chain(() -> notices.farmer(c, "申报未认定", title + "。理由：" + reason));
    }

    /** The case enters a stage with a new deadline; that stage's cadres get the todo. */
    private Uni<Void> moveTo(CaseEntity c, CaseStage stage, int days, Scope scope, OffsetDateTime now, String reason) {
        return moveTo(c, stage == CaseStage.VISIT ? "VISIT_ASSIGNED" : "STAGE_ASSIGNED", stage, days, scope, now, reason);
    }

    private Uni<Void> moveTo(CaseEntity c, String type, CaseStage stage, int days, Scope scope, OffsetDateTime now,
                             String reason) {
        c.stage = stage;
        c.stageDue = Deadlines.due(calendar.days(), clock, days);
        if (stage != CaseStage.PUBLIC_NOTICE) {
            c.noticeEnds = null;
        }
        return events.append(c.id, type, stage, scope, now, reason, c.stageDue)
                .chain(() -> notices.assigned(c));
    }

    /**
     * The case the caller may act on: visible to them (else 404), open and at the stage (else 409), and still at
     * the version they read (else 409). Hibernate's version check at commit stops a second reviewer who read the
     * same version at the same moment.
     */
    private Uni<CaseEntity> current(Scope scope, long id, CaseStage stage, int version) {
        return cases.requireVisible(scope, id).invoke(c -> {
            if (!c.open || c.stage != stage) {
                throw ApiException.conflict("该案件当前" + (c.open ? "处于" : "已") + CaseService.stageName(c.stage)
                        + "，不能进行" + CaseService.stageName(stage));
            }
            if (c.version != version) {
                throw ApiException.conflict("案件已被他人办理，请刷新后重试");
            }
        });
    }

    private Uni<Case> done(CaseEntity c) {
        return cases.flush().chain(() -> caseService.views(List.of(c))).map(l -> l.get(0));
    }

    private static String requireReason(StageDecisionRequest in) {
        String reason = in.reason() == null || in.reason().isBlank() ? null : in.reason().trim();
        if (reason == null && in.decision() != CaseDecision.PASS) {
            throw ApiException.invalid("reason", in.decision() == CaseDecision.REJECT ? "不通过时请填写理由" : "退回时请填写理由");
        }
        return reason;
    }
}
