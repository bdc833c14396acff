package org.dixian.ticket;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.cases.CaseService;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The escalation half of the ticket cycle (src-docs/tickets.md): the handling unit asks the level above for more
 * time, higher levels urge (催办) and supervise (督办) it, late tickets go on the level above's bulletin (通报), the
 * accepting unit merges duplicates, and a ticket that tells of a hardship opens an identification case.
 */
@ApplicationScoped
public class TicketEscalationService {
    static final int BULLETIN_MAX = 200;

    private final TicketService cycle;
    private final TicketRepository tickets;
    private final TicketEventRepository events;
    private final TicketRules rules;
    private final TicketNotices notices;
    private final CaseService cases;
    private final Pool pool;
    private final Clock clock;

    public TicketEscalationService(TicketService cycle, TicketRepository tickets, TicketEventRepository events,
                                   TicketRules rules, TicketNotices notices, CaseService cases, Pool pool, Clock clock) {
        this.cycle = cycle;
        this.tickets = tickets;
        this.events = events;
        this.rules = rules;
        this.notices = notices;
        this.cases = cases;
        this.pool = pool;
        this.clock = clock;
    }

    // ---- extension ----

    /** The handling unit asks the level above for more working days, on or before the deadline. */
    @WithTransaction
    public Uni<Ticket> requestExtension(Scope scope, long id, TicketExtensionRequest in) {
        scope.requireRole(TicketService.CADRES);
        return cycle.current(scope, id, TicketStatus.HANDLING, in.version()).chain(t -> {
            TicketService.requireUnit(scope, t.handlerRegion, "只有承办单位可以申请延期");
            String above = RegionCodes.parent(t.handlerRegion);
            if (above == null) {
                throw ApiException.conflict("省级承办的工单没有上级审批延期");
            }
            LocalDate today = LocalDate.now(clock);
            if (!TicketDeadlines.mayRequestExtension(t.handleDue, today)) {
                throw ApiException.conflict("办理期限已过，不能再申请延期");
            }
            if (t.extensionPendingDays != null) {
                throw ApiException.conflict("已有延期申请等待上级审批");
            }
            if (t.extensionCount >= rules.maxExtensions) {
                throw ApiException.conflict("延期次数已用完");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            LocalDate proposed = TicketDeadlines.extended(cycle.days(), t.handleDue, in.days());
            t.extensionPendingDays = in.days();
            t.updatedAt = now;
            return events.append(t, "EXTENSION_REQUESTED", scope, now, in.reason().trim(), above, proposed, null, null)
                    .chain(() -> notices.toUnit(above, t, "延期申请待审批",
                            "工单 " + t.ticketNo + " 的承办单位申请延期 " + in.days() + " 个工作日（至 " + proposed + "），请审批"))
                    .chain(() -> cycle.done(t));
        });
    }

    /** The level above the handling unit approves (the deadline moves by the working days asked) or refuses. */
    @WithTransaction
    public Uni<Ticket> decideExtension(Scope scope, long id, TicketExtensionDecision in) {
        scope.requireRole(TicketService.ACCEPTORS);
        return cycle.current(scope, id, TicketStatus.HANDLING, in.version()).chain(t -> {
            TicketService.requireUnit(scope, RegionCodes.parent(t.handlerRegion), "只有承办单位的上一级可以审批延期");
            if (t.extensionPendingDays == null) {
                throw ApiException.conflict("该工单没有待审批的延期申请");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            boolean approve = in.approve();
            if (approve) {
                t.handleDue = TicketDeadlines.extended(cycle.days(), t.handleDue, t.extensionPendingDays);
                t.extensionCount++;
            }
            t.extensionPendingDays = null;
            t.updatedAt = now;
            String reason = in.reason().trim();
            return events.append(t, approve ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED", scope, now, reason,
                            t.handlerRegion, t.handleDue, null, null)
                    .chain(() -> notices.toUnit(t.handlerRegion, t, approve ? "延期申请已同意" : "延期申请未同意",
                            "工单 " + t.ticketNo + (approve ? " 延期至 " + t.handleDue : " 仍须于 " + t.handleDue + " 前办结")
                                    + "：" + reason))
                    .chain(() -> cycle.done(t));
        });
    }

    // ---- urging and supervision ----

    /** 催办 by a level above the unit the ticket waits for (the handling unit, or the accepting unit before acceptance). */
    @WithTransaction
    public Uni<Ticket> urge(Scope scope, long id, TicketReason in) {
        scope.requireRole(TicketService.ACCEPTORS);
        return tickets.requireVisible(scope, id).chain(t -> {
            String unit = switch (t.status) {
                case HANDLING -> t.handlerRegion;
                case REGISTERED -> t.acceptRegion;
                default -> throw ApiException.conflict("该工单当前" + TicketService.statusName(t.status) + "，不需要催办");
            };
            requireSupervisor(scope, t, unit, "只有上级可以催办");
            OffsetDateTime now = OffsetDateTime.now(clock);
            String reason = in.reason().trim();
            t.urgeCount++;
            t.updatedAt = now;
            return events.append(t, "URGED", scope, now, reason, unit, TicketService.dueOf(t), null, null)
                    .chain(() -> departmentHolds(t, unit) ? Uni.createFrom().voidItem()
                            : notices.toUnit(unit, t, "上级催办", "工单 " + t.ticketNo + " 被催办：" + reason))
                    .chain(() -> cycle.done(t));
        });
    }

    /** 督办 by a level above the handling unit: a date to finish by; the ticket goes first in the unit's todo. */
    @WithTransaction
    public Uni<Ticket> supervise(Scope scope, long id, TicketSupervision in) {
        scope.requireRole(TicketService.ACCEPTORS);
        LocalDate today = LocalDate.now(clock);
        if (in.dueDate().isBefore(today)) {
            throw ApiException.invalid("dueDate", "督办完成日期不能早于今天");
        }
        return tickets.requireVisible(scope, id).chain(t -> {
            TicketService.requireStatus(t, TicketStatus.HANDLING);
            requireSupervisor(scope, t, t.handlerRegion, "只有上级可以督办");
            OffsetDateTime now = OffsetDateTime.now(clock);
            String reason = in.reason().trim();
            t.supervised = true;
            t.superviseDue = in.dueDate();
            t.updatedAt = now;
            return events.append(t, "SUPERVISED", scope, now, reason, t.handlerRegion, t.superviseDue, null, null)
                    .chain(() -> departmentHolds(t, t.handlerRegion) ? Uni.createFrom().voidItem()
                            : notices.toUnit(t.handlerRegion, t, "上级督办",
                                    "工单 " + t.ticketNo + " 被列为督办件，请于 " + t.superviseDue + " 前办结：" + reason))
                    .chain(() -> cycle.done(t));
        });
    }

    /**
     * A region strictly above the unit, in whose region the unit lies; 403 otherwise (the ticket itself is visible).
     * While a department holds the ticket its region's own cadres supervise it too: the unit is the department.
     */
    private static void requireSupervisor(Scope scope, TicketEntity t, String unit, String message) {
        if (unit == null || !scope.covers(unit) || (scope.regionCode().equals(unit) && !departmentHolds(t, unit))) {
            throw ApiException.forbidden(message);
        }
    }

    /** The unit a step waits for is a department (its system reads the step in its next pull; nobody in-app is told). */
    private static boolean departmentHolds(TicketEntity t, String unit) {
        return t.status == TicketStatus.HANDLING && t.handlerDepartmentId != null && unit.equals(t.handlerRegion);
    }

    // ---- bulletin ----

    private static final String BULLETIN = """
            select t.id from ticket t
             where t.status = 'HANDLING'
               and t.handler_region >= $1 and t.handler_region < $2 and t.handler_region <> $3
               and (t.handle_due <= $4 or t.supervise_due <= $4)
             order by least(t.supervise_due, t.handle_due) desc, t.id desc
             limit $5
            """;

    /**
     * 通报: the tickets of the units below the caller late by more than the configured working days, the most
     * recently late first.
     */
    public Uni<List<Ticket>> bulletin(Scope scope) {
        scope.requireRole(TicketService.ACCEPTORS);
        LocalDate cutoff = TicketDeadlines.bulletinCutoff(cycle.days(), LocalDate.now(clock), rules.bulletinAfter);
        String[] range = scope.regionRange();
        return pool.preparedQuery(BULLETIN).execute(Tuple.from(new Object[] {range[0], range[1], scope.regionCode(),
                        cutoff, BULLETIN_MAX}))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getLong(0)));
                    return ids;
                })
                .chain(cycle::byIds);
    }

    // ---- merging ----

    /** The accepting unit merges a duplicate (same household, same matter) into another open ticket; both numbers stay. */
    @WithTransaction
    public Uni<Ticket> merge(Scope scope, long id, TicketMerge in) {
        scope.requireRole(TicketService.ACCEPTORS);
        return tickets.requireVisible(scope, id).chain(dup -> {
            TicketService.requireUnit(scope, dup.acceptRegion, "只有受理单位可以合并工单");
            if (in.intoTicketId() == id) {
                throw ApiException.invalid("intoTicketId", "不能合并到本工单");
            }
            requireOpen(dup);
            return tickets.requireVisible(scope, in.intoTicketId()).chain(into -> {
                requireOpen(into);
                if (dup.householdId != null && into.householdId != null && !dup.householdId.equals(into.householdId)) {
                    throw ApiException.invalid("intoTicketId", "只能合并同一户的同一事项");
                }
                OffsetDateTime now = OffsetDateTime.now(clock);
                String reason = in.reason().trim();
                dup.status = TicketStatus.MERGED;
                dup.mergedInto = into.id;
                dup.extensionPendingDays = null;
                dup.closedAt = now;
                dup.updatedAt = now;
                into.updatedAt = now;
                return events.append(dup, "MERGED", scope, now, "并入工单 " + into.ticketNo + "：" + reason)
                        .chain(() -> events.append(into, "MERGED", scope, now, "工单 " + dup.ticketNo + " 并入本工单：" + reason))
                        .chain(() -> notices.toComplainant(dup, "工单已合并办理",
                                "您反映的事项（工单 " + dup.ticketNo + "）与同一事项的工单 " + into.ticketNo + " 合并办理"))
                        .chain(() -> cycle.done(dup));
            });
        });
    }

    private static void requireOpen(TicketEntity t) {
        if (t.status == TicketStatus.CLOSED || t.status == TicketStatus.REFUSED || t.status == TicketStatus.MERGED) {
            throw ApiException.conflict("工单 " + t.ticketNo + " 当前" + TicketService.statusName(t.status) + "，不能合并");
        }
    }

    // ---- splitting ----

    /**
     * 拆单: the accepting unit splits the matters of a ticket into sub-tickets, each given at once to its own
     * handling unit with its own deadline, for the same complainant; the original goes on for what remains. Both
     * numbers stay and name each other.
     */
    @WithTransaction
    public Uni<Ticket> split(Scope scope, long id, TicketSplit in) {
        scope.requireRole(TicketService.ACCEPTORS);
        in.parts().forEach(p -> scope.requireCovers(p.assignTo()));
        return tickets.requireVisible(scope, id).chain(t -> {
            TicketService.requireUnit(scope, t.acceptRegion, "只有受理单位可以拆分工单");
            if (t.status != TicketStatus.REGISTERED && t.status != TicketStatus.HANDLING) {
                throw ApiException.conflict("工单 " + t.ticketNo + " 当前" + TicketService.statusName(t.status) + "，不能拆分");
            }
            if (t.version != in.version()) {
                throw ApiException.conflict("工单已被他人办理，请刷新后重试");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            String reason = in.reason().trim();
            List<TicketEntity> parts = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TicketSplitPart p : in.parts()) {
                chain = chain.chain(() -> {
                    TicketEntity c = cycle.newTicket(t.channel, p.category(), p.title(), p.description(), t.regionCode, t.acceptRegion);
                    c.householdId = t.householdId;
                    c.complainantId = t.complainantId;
                    c.anonymous = t.anonymous;
                    c.complainantNameEnc = t.complainantNameEnc;
                    c.complainantPhoneEnc = t.complainantPhoneEnc;
                    c.complainantPhoneHash = t.complainantPhoneHash;
                    c.splitFrom = t.id;
                    c.status = TicketStatus.HANDLING;
                    c.acceptedBy = scope.actorId();
                    c.handlerRegion = p.assignTo();
                    c.handleDue = cycle.days().addWorkingDays(now.toLocalDate(), rules.handleDays(p.category()));
                    return cycle.number(c).invoke(parts::add)
                            .chain(saved -> events.append(saved, "SPLIT_FROM", scope, now, "由工单 " + t.ticketNo + " 拆分：" + reason,
                                    saved.handlerRegion, saved.handleDue, null, null))
                            .chain(() -> notices.toUnit(c.handlerRegion, c, "新交办工单",
                                    TicketNotices.about(c) + "请于 " + c.handleDue + " 前办结并答复"))
                            .replaceWithVoid();
                });
            }
            return chain.chain(() -> {
                t.updatedAt = now;
                String numbers = String.join("、", parts.stream().map(c -> c.ticketNo).toList());
                return events.append(t, "SPLIT", scope, now, "拆分出工单 " + numbers + "：" + reason)
                        .chain(() -> notices.toComplainant(t, "工单已拆分办理",
                                "您反映的「" + t.title + "」已拆分为工单 " + numbers + " 分别办理"));
            }).chain(() -> cycle.done(t));
        });
    }

    // ---- opening a case ----

    /** A ticket about a household's hardship opens an identification case; the ticket and the case name each other. */
    @WithTransaction
    public Uni<Ticket> openCase(Scope scope, long id, TicketOpenCase in) {
        CaseService.requireOpener(scope);
        return tickets.requireVisible(scope, id).chain(t -> {
            if (t.householdId == null) {
                throw ApiException.conflict("该工单未关联农户，无法发起识别");
            }
            if (t.caseId != null) {
                throw ApiException.conflictWith("该工单已发起识别", "/api/cases/" + t.caseId);
            }
            return cases.openFromTicket(scope, t.householdId, in.riskTypes(), in.description(), t.ticketNo).chain(caseId -> {
                OffsetDateTime now = OffsetDateTime.now(clock);
                t.caseId = caseId;
                t.updatedAt = now;
                return events.append(t, "CASE_OPENED", scope, now, "已发起返贫风险识别（案件编号 " + caseId + "）："
                        + in.description().trim());
            }).chain(() -> cycle.done(t));
        });
    }
}
