package org.dixian.ticket;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.calendar.CalendarDays;
import org.dixian.calendar.WorkingCalendar;
import org.dixian.department.DepartmentService;
import org.dixian.household.HouseholdService;
import org.dixian.media.MediaService;
import org.dixian.platform.crypto.BlindIndex;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Complaint tickets through the 12345 cycle (src-docs/tickets.md): filed by a farmer or registered by a cadre,
 * accepted (or refused) by the accepting unit and given to a handling unit, handled and replied to, rated by the
 * complainant (不满意 sends it back), closed. Each step is a ticket event; the complainant's identity is masked
 * everywhere and revealed only to the accepting and handling units through a logged call.
 */
@ApplicationScoped
public class TicketService {
    static final Role[] CADRES = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE,
            Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE};
    /** Who may accept: the cadres of a township or above (the accepting unit is a township at the lowest). */
    static final Role[] ACCEPTORS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE};
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    static final String DEPARTMENT_HOLDS = "该工单已交部门办理";

    private final TicketRepository tickets;
    private final TicketEventRepository events;
    private final TicketReads reads;
    private final TicketRules rules;
    private final TicketNotices notices;
    private final org.dixian.account.AccountService accounts;
    private final HouseholdService households;
    private final RegionService regions;
    private final DepartmentService departments;
    private final MediaService media;
    private final WorkingCalendar calendar;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Idempotency idempotency;
    private final Pool pool;
    private final Clock clock;

    public TicketService(TicketRepository tickets, TicketEventRepository events, TicketReads reads, TicketRules rules,
                         TicketNotices notices, org.dixian.account.AccountService accounts,
                         HouseholdService households, RegionService regions, DepartmentService departments,
                         MediaService media, WorkingCalendar calendar,
                         FieldCipher cipher, BlindIndex index, Idempotency idempotency, Pool pool, Clock clock) {
        this.tickets = tickets;
        this.events = events;
        this.reads = reads;
        this.rules = rules;
        this.notices = notices;
        this.accounts = accounts;
        this.households = households;
        this.regions = regions;
        this.departments = departments;
        this.media = media;
        this.calendar = calendar;
        this.cipher = cipher;
        this.index = index;
        this.idempotency = idempotency;
        this.pool = pool;
        this.clock = clock;
    }

    // ---- filing and registering ----

    /** A farmer files a ticket: about the own household when bound, else about the village given. */
    public Uni<Ticket> file(Scope scope, NewTicket in, String idempotencyKey) {
        scope.requireRole(Role.FARMER);
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ApiException.invalid("Idempotency-Key", "请携带幂等键（Idempotency-Key）后再提交");
        }
        Uni<String> region;
        if (scope.householdId() != null) {
            region = households.get(scope, scope.householdId()).map(h -> h.regionCode());
        } else {
            if (in.villageCode() == null) {
                throw ApiException.invalid("villageCode", "请选择反映事项所在的村，或先绑定您家");
            }
            region = requireRegion("villageCode", in.villageCode());
        }
        return region.chain(r -> idempotency.once("ticket:" + scope.accountId(), idempotencyKey,
                () -> accounts.me(scope).chain(me -> insertFiled(scope, r, me.name(), in, scope.accountId() + ":" + idempotencyKey)),
                id -> load(scope, id)));
    }

    @WithTransaction
    Uni<Long> insertFiled(Scope scope, String region, String name, NewTicket in, String requestKey) {
        return tickets.findByRequestKey(requestKey).chain(earlier -> {
            if (earlier != null) {
                return Uni.createFrom().item(earlier.id);
            }
            TicketEntity t = newTicket(TicketChannel.MINIPROGRAM, in.category(), in.title(), in.description(), region,
                    TicketRules.acceptingUnit(region));
            t.householdId = scope.householdId();
            t.complainantId = scope.accountId();
            t.anonymous = Boolean.TRUE.equals(in.anonymous());
            t.complainantNameEnc = t.anonymous ? null : cipher.encrypt(blankToNull(name));
            t.complainantPhoneEnc = cipher.encrypt(in.contactPhone());
            t.complainantPhoneHash = in.contactPhone() == null ? null : index.of("phone", in.contactPhone());
            t.photoIds = in.photoIds() == null ? new ArrayList<>() : new ArrayList<>(in.photoIds().stream().distinct().toList());
            t.requestKey = requestKey;
            return register(t, scope, "农户通过小程序提交");
        });
    }

    /** A cadre registers a ticket received by phone, letter or visit, with the caller's details. */
    public Uni<Ticket> registerByCadre(Scope scope, RegisteredTicket in, String idempotencyKey) {
        scope.requireRole(CADRES);
        if (in.channel() == TicketChannel.MINIPROGRAM) {
            throw ApiException.invalid("channel", "小程序渠道的工单由农户本人提交");
        }
        scope.requireCovers(in.regionCode());
        Uni<Void> household = in.householdId() == null ? Uni.createFrom().voidItem()
                : households.get(scope, in.householdId()).invoke(h -> {
                    if (!RegionCodes.covers(in.regionCode(), h.regionCode())) {
                        throw ApiException.invalid("householdId", "该农户不在所选区划内");
                    }
                }).replaceWithVoid();
        String requestKey = idempotencyKey == null ? null : scope.accountId() + ":" + idempotencyKey;
        return household.chain(() -> requireRegion("regionCode", in.regionCode()))
                .chain(r -> idempotency.once("ticket:" + scope.accountId(), idempotencyKey,
                        () -> insertRegistered(scope, in, requestKey), id -> load(scope, id)));
    }

    @WithTransaction
    Uni<Long> insertRegistered(Scope scope, RegisteredTicket in, String requestKey) {
        Uni<TicketEntity> earlier = requestKey == null ? Uni.createFrom().nullItem() : tickets.findByRequestKey(requestKey);
        return earlier.chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found.id);
            }
            // Registered at a township or above: that unit accepts; registered in a village: its township.
            String unit = scope.level() <= 4 ? scope.regionCode() : TicketRules.acceptingUnit(in.regionCode());
            TicketEntity t = newTicket(in.channel(), in.category(), in.title(), in.description(), in.regionCode(), unit);
            t.householdId = in.householdId();
            t.anonymous = Boolean.TRUE.equals(in.anonymous());
            t.complainantNameEnc = t.anonymous ? null : cipher.encrypt(blankToNull(in.complainantName()));
            t.complainantPhoneEnc = t.anonymous ? null : cipher.encrypt(in.complainantPhone());
            t.complainantPhoneHash = t.anonymous || in.complainantPhone() == null ? null : index.of("phone", in.complainantPhone());
            t.requestKey = requestKey;
            return register(t, scope, "干部登记（" + channelName(in.channel()) + "）");
        });
    }

    /**
     * A new ticket in REGISTERED with its acceptance deadline; used for every channel (the external push too).
     */
    TicketEntity newTicket(TicketChannel channel, TicketCategory category, String title, String description,
                           String region, String acceptingUnit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        TicketEntity t = new TicketEntity();
        t.channel = channel;
        t.category = category;
        t.status = TicketStatus.REGISTERED;
        t.title = title.trim();
        t.description = description.trim();
        t.regionCode = region;
        t.acceptRegion = acceptingUnit;
        t.acceptDue = days().addWorkingDays(now.toLocalDate(), rules.acceptDays);
        t.createdAt = now;
        t.updatedAt = now;
        return t;
    }

    /** Numbers the ticket (TS + Beijing date + sequence), writes it and its REGISTERED step. */
    Uni<Long> register(TicketEntity t, Scope scope, String how) {
        return number(t)
                .call(saved -> media.attach(scope, saved.photoIds, saved.regionCode, "ticket:" + saved.id, "photoIds"))
                .call(saved -> events.append(saved, "REGISTERED", scope, saved.createdAt, how, saved.acceptRegion,
                        saved.acceptDue, null, saved.photoIds))
                .call(saved -> notices.toUnit(saved.acceptRegion, saved, "新工单待受理", TicketNotices.about(saved) + "请于 " + saved.acceptDue + " 前受理"))
                .map(saved -> saved.id);
    }

    /** Gives the ticket its number (TS + Beijing date + sequence) and writes it. */
    Uni<TicketEntity> number(TicketEntity t) {
        return tickets.getSession().chain(s -> s.createNativeQuery("select nextval('ticket_no_seq')", Long.class).getSingleResult())
                .chain(seq -> {
                    t.ticketNo = "TS" + t.createdAt.toLocalDate().format(DAY) + String.format("%06d", seq % 1_000_000);
                    return tickets.persist(t);
                });
    }

    // ---- reading ----

    @WithSession
    public Uni<Ticket> get(Scope scope, long id) {
        requireReader(scope);
        return load(scope, id);
    }

    @WithSession
    Uni<Ticket> load(Scope scope, long id) {
        return visible(scope, id).chain(t -> views(List.of(t))).map(l -> l.get(0));
    }

    @WithSession
    public Uni<List<Ticket>> mine(Scope scope) {
        scope.requireRole(Role.FARMER);
        return tickets.mine(scope).chain(this::views);
    }

    /**
     * The todo view: what waits for the caller's unit — tickets to accept, tickets to handle, extension requests
     * of the units directly below (only they may be decided here), replies to follow up — supervised first, then by deadline. The all view: every ticket of
     * the region, newest first.
     *
     * <p>Each kind of work is read in list order from its own index (V016: ticket_todo_accept_idx,
     * ticket_todo_handler_idx, ticket_todo_replied_idx; the few pending extension requests are sorted) and the four
     * are merged, so a page reads a page's worth of rows whatever the size of the unit's backlog. Written as one
     * filter with OR, the same list read and sorted every open ticket of the unit: 2–4 ms of database time for a
     * township with 1,500 open tickets, the limit of the inbox at 1,000,000 tickets (src-docs/performance.md).
     */
    /** One kind of todo work, read in index order and cut at the page size; the kinds are then merged. */
    private static final String TODO_BRANCH = """
                (select t.id, not t.supervised as s, coalesce(t.supervise_due, t.handle_due, t.accept_due, t.rate_from) as due
                   from ticket t
                  where %s
                    and ($5::text is null or t.status = $5)
                    and (not $6 or coalesce(t.supervise_due, t.handle_due, t.accept_due) < $4)
                    and ($7::bigint is null or (not t.supervised, coalesce(t.supervise_due, t.handle_due, t.accept_due, t.rate_from), t.id)
                         > ((select not a.supervised from ticket a where a.id = $7),
                            (select coalesce(a.supervise_due, a.handle_due, a.accept_due, a.rate_from) from ticket a where a.id = $7), $7))
                  order by not t.supervised, coalesce(t.supervise_due, t.handle_due, t.accept_due, t.rate_from), t.id
                  limit $8)
            """;
    private static final String TODO = "select id from (\n" + String.join("                union all\n", Stream.of(
            "t.status = 'REGISTERED' and t.accept_region = $1",
            "t.status = 'HANDLING' and t.handler_region = $1 and t.handler_department_id is null",
            "t.status = 'HANDLING' and t.extension_pending_days is not null and t.handler_region <> $1 and t.handler_region >= $2 and t.handler_region < $3 and right(t.handler_region, 12 - $9) = repeat('0', 12 - $9)",
            "t.status = 'REPLIED' and t.accept_region = $1 and t.rate_from <= $4"
            ).map(TODO_BRANCH::formatted).toList()) + "                ) u\n             order by s, due, id\n             limit $8\n";

    private static final String ALL = """
            select t.id from ticket t
             where ((t.region_code >= $1 and t.region_code < $2) or (t.handler_region >= $1 and t.handler_region < $2))
               and ($3::text is null or t.status = $3)
               and (not $4 or (t.status = 'HANDLING' and coalesce(t.supervise_due, t.handle_due) < $5)
                          or (t.status = 'REGISTERED' and t.accept_due < $5))
               and ($6::bigint is null or t.id < $6)
               and ($7::boolean or t.category <> 'CADRE_CONDUCT' or t.handler_region = $8)
             order by t.id desc
             limit $9
            """;

    /** The code digits of the level below a region's (province 1 → cities have 4): a unit's direct children. */
    private static final int[] CHILD_DIGITS = {2, 4, 6, 9, 12};

    public Uni<TicketPage> page(Scope scope, boolean todo, TicketStatus status, boolean overdue, Long after, int limit) {
        scope.requireRole(CADRES);
        LocalDate today = LocalDate.now(clock);
        String[] range = scope.regionRange();
        String st = status == null ? null : status.name();
        Uni<List<Long>> ids = todo
                ? pool.preparedQuery(TODO).execute(Tuple.from(new Object[] {scope.regionCode(), range[0], range[1], today,
                        st, overdue, after, limit + 1, CHILD_DIGITS[Math.min(scope.level(), 4)]})).map(TicketService::ids)
                : pool.preparedQuery(ALL).execute(Tuple.from(new Object[] {range[0], range[1], st, overdue, today, after,
                        scope.level() < 5, scope.regionCode(), limit + 1})).map(TicketService::ids);
        return ids.chain(list -> {
            boolean more = list.size() > limit;
            List<Long> pageIds = more ? list.subList(0, limit) : list;
            return reads.load(pageIds).chain(loaded -> views(loaded.tickets(), loaded.steps()))
                    .map(items -> new TicketPage(items, more ? pageIds.get(pageIds.size() - 1) : null));
        });
    }

    private static List<Long> ids(io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        List<Long> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getLong(0)));
        return out;
    }

    @WithSession
    Uni<List<Ticket>> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return tickets.list("id in ?1", ids).chain(list -> {
            Map<Long, TicketEntity> byId = new HashMap<>();
            list.forEach(t -> byId.put(t.id, t));
            return views(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
        });
    }

    /** Tickets as shown, with their steps and region names; the complainant masked (nothing when anonymous). */
    Uni<List<Ticket>> views(List<TicketEntity> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = list.stream().map(t -> t.id).toList();
        return events.ofTickets(ids).chain(all -> tickets.splitInto(ids).chain(children -> {
            Map<Long, List<TicketEvent>> byTicket = new HashMap<>();
            all.forEach(e -> byTicket.computeIfAbsent(e.ticketId, k -> new ArrayList<>()).add(e.view()));
            return views(list, byTicket, children);
        }));
    }

    /** As {@link #views(List)}, with the steps already read (the inbox reads them without a session, TicketReads). */
    Uni<List<Ticket>> views(List<TicketEntity> list, Map<Long, List<TicketEvent>> byTicket) {
        return splitInto(list.stream().map(t -> t.id).toList()).chain(children -> views(list, byTicket, children));
    }

    private Uni<List<Ticket>> views(List<TicketEntity> list, Map<Long, List<TicketEvent>> byTicket,
                                    Map<Long, List<Long>> children) {
        LocalDate today = LocalDate.now(clock);
        CalendarDays days = days();
        List<String> codes = list.stream().flatMap(t -> Stream.of(t.regionCode, t.handlerRegion))
                .filter(java.util.Objects::nonNull).distinct().toList();
        List<Long> held = list.stream().map(t -> t.handlerDepartmentId).filter(java.util.Objects::nonNull).distinct().toList();
        return Uni.combine().all().unis(regions.names(codes), departments.names(held)).asTuple().map(both -> list.stream().map(t -> {
            Map<String, String> names = both.getItem1();
            LocalDate due = dueOf(t);
            boolean overdue = due != null && today.isAfter(due);
            return new Ticket(t.id, t.ticketNo, t.channel, t.category, t.status, t.title, t.description, t.regionCode,
                    names.get(t.regionCode), t.householdId, t.anonymous,
                    t.anonymous ? null : Masking.name(cipher.decrypt(t.complainantNameEnc)),
                    t.anonymous ? null : Masking.phone(cipher.decrypt(t.complainantPhoneEnc)),
                    t.handlerRegion, t.handlerRegion == null ? null : names.get(t.handlerRegion), t.handlerDepartmentId,
                    t.handlerDepartmentId == null ? null : both.getItem2().get(t.handlerDepartmentId), t.acceptDue,
                    t.handleDue, overdue, overdue ? days.workingDaysBetween(due, today) : 0, t.supervised,
                    t.superviseDue, t.extensionCount, t.extensionPendingDays, t.urgeCount, t.rehandleCount,
                    t.satisfaction, t.repliedAt, t.rateFrom, t.closedAt, t.mergedInto, t.splitFrom,
                    children.getOrDefault(t.id, List.of()), t.caseId, t.externalNo,
                    t.photoIds == null ? List.of() : t.photoIds, t.createdAt, t.version,
                    byTicket.getOrDefault(t.id, List.of()));
        }).toList());
    }

    /** The tickets split from each of the given ones, in order (on the pool: views are also built without a session). */
    private Uni<Map<Long, List<Long>>> splitInto(List<Long> ids) {
        return pool.preparedQuery("select split_from, id from ticket where split_from = any($1) order by id")
                .execute(Tuple.of(ids.toArray(Long[]::new))).map(rows -> {
                    Map<Long, List<Long>> out = new HashMap<>();
                    rows.forEach(r -> out.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r.getLong(1)));
                    return out;
                });
    }

    /** The deadline that applies now: acceptance while registered, handling (or the supervisor's date) after. */
    static LocalDate dueOf(TicketEntity t) {
        return switch (t.status) {
            case REGISTERED -> t.acceptDue;
            case HANDLING -> t.superviseDue != null && (t.handleDue == null || t.superviseDue.isBefore(t.handleDue))
                    ? t.superviseDue : t.handleDue;
            default -> null;
        };
    }

    // ---- the cycle ----

    /**
     * Where the ticket goes: a region within the caller's (404 outside it, as for any region out of scope) or a
     * department the caller sees by the registry's listing rule (400 on departmentId otherwise) — exactly one.
     */
    Uni<HandlingUnit> unit(Scope scope, String assignTo, Long departmentId) {
        if (assignTo == null && departmentId == null) {
            throw ApiException.invalid("assignTo", "请选择承办单位");
        }
        if (assignTo != null && departmentId != null) {
            throw ApiException.invalid("departmentId", "承办单位（区划）和承办部门只能选择其一");
        }
        if (departmentId != null) {
            return departments.assignable(scope, departmentId, "departmentId")
                    .map(d -> new HandlingUnit(d.regionCode(), d.id(), d.name()));
        }
        scope.requireCovers(assignTo);
        return requireRegion("assignTo", assignTo).map(HandlingUnit::region);
    }

    /** Makes the unit the ticket's handler: a region clears the department, a department sets its region too. */
    static void give(TicketEntity t, HandlingUnit to) {
        t.handlerRegion = to.region();
        t.handlerDepartmentId = to.departmentId();
    }

    /** Tells the new handler: a region's cadres in-app; a department's system reads it in its next pull. */
    private Uni<Void> toHandler(TicketEntity t, String title, String body) {
        return t.handlerDepartmentId != null ? Uni.createFrom().voidItem() : notices.toUnit(t.handlerRegion, t, title, body);
    }

    /**
     * The accepting unit accepts and gives the ticket to a handling unit in its region, or to a department it sees,
     * with the handling deadline.
     */
    @WithTransaction
    public Uni<Ticket> accept(Scope scope, long id, TicketAccept in) {
        scope.requireRole(ACCEPTORS);
        return unit(scope, in.assignTo(), in.departmentId()).chain(to -> current(scope, id, TicketStatus.REGISTERED, in.version()).chain(t -> {
            requireUnit(scope, t.acceptRegion, "只有受理单位可以受理该工单");
            OffsetDateTime now = OffsetDateTime.now(clock);
            t.status = TicketStatus.HANDLING;
            t.acceptedBy = scope.actorId();
            give(t, to);
            t.handleDue = days().addWorkingDays(now.toLocalDate(), rules.handleDays(t.category));
            t.updatedAt = now;
            return events.append(t, "ACCEPTED", scope, now, blankToNull(in.note()))
                    .chain(() -> events.appendTo(t, "ASSIGNED", scope, now, null, to, t.handleDue))
                    .chain(() -> toHandler(t, "新交办工单", TicketNotices.about(t) + "请于 " + t.handleDue + " 前办结并答复"))
                    .chain(() -> notices.toComplainant(t, "工单已受理", "您反映的「" + t.title + "」已受理，正在办理"))
                    .chain(() -> done(t));
        }));
    }

    /** 不予受理, with the reason the complainant sees. */
    @WithTransaction
    public Uni<Ticket> refuse(Scope scope, long id, TicketVersionReason in) {
        scope.requireRole(ACCEPTORS);
        return current(scope, id, TicketStatus.REGISTERED, in.version()).chain(t -> {
            requireUnit(scope, t.acceptRegion, "只有受理单位可以决定不予受理");
            OffsetDateTime now = OffsetDateTime.now(clock);
            t.status = TicketStatus.REFUSED;
            t.closedAt = now;
            t.updatedAt = now;
            return events.append(t, "REFUSED", scope, now, in.reason().trim())
                    .chain(() -> notices.toComplainant(t, "工单不予受理", "您反映的「" + t.title + "」不予受理。理由：" + in.reason().trim()))
                    .chain(() -> done(t));
        });
    }

    /**
     * 转办: the accepting unit gives a ticket in hand to another unit (a region or a department); the history stays,
     * the deadline does not move.
     */
    @WithTransaction
    public Uni<Ticket> assign(Scope scope, long id, TicketAssign in) {
        scope.requireRole(ACCEPTORS);
        return unit(scope, in.assignTo(), in.departmentId()).chain(to -> current(scope, id, TicketStatus.HANDLING, in.version()).chain(t -> {
            requireUnit(scope, t.acceptRegion, "只有受理单位可以转办该工单");
            if (to.departmentId() != null ? to.departmentId().equals(t.handlerDepartmentId)
                    : t.handlerDepartmentId == null && to.region().equals(t.handlerRegion)) {
                throw ApiException.invalid(to.departmentId() != null ? "departmentId" : "assignTo", "该单位已是承办单位");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            give(t, to);
            t.extensionPendingDays = null;
            t.updatedAt = now;
            return events.appendTo(t, "REASSIGNED", scope, now, in.reason().trim(), to, t.handleDue)
                    .chain(() -> toHandler(t, "转办工单", TicketNotices.about(t) + "转由贵单位办理，请于 " + t.handleDue + " 前办结"))
                    .chain(() -> done(t));
        }));
    }

    /** The handling unit records what it did. */
    public Uni<Ticket> action(Scope scope, long id, TicketNote in) {
        scope.requireRole(CADRES);
        return record(scope, id, in);
    }

    /** A step of handling, by the handling region's cadres or the holding department's system (see requireHandler). */
    @WithTransaction
    Uni<Ticket> record(Scope scope, long id, TicketNote in) {
        return visible(scope, id).chain(t -> {
            requireStatus(t, TicketStatus.HANDLING);
            requireHandler(scope, t, "只有承办单位可以记录办理情况");
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Long> photos = in.photoIds() == null ? List.of() : in.photoIds().stream().distinct().toList();
            t.updatedAt = now;
            return media.attach(scope, photos, t.regionCode, "ticket:" + t.id, "photoIds")
                    .chain(() -> events.append(t, "ACTION", scope, now, in.content().trim(), null, null, null, photos))
                    .chain(() -> done(t));
        });
    }

    /** The handling unit replies; the complainant may rate from the next working day, else it closes by itself. */
    public Uni<Ticket> reply(Scope scope, long id, TicketVersionContent in) {
        scope.requireRole(CADRES);
        return answer(scope, id, in);
    }

    /** The reply, by the handling region's cadres or the holding department's system (see requireHandler). */
    @WithTransaction
    Uni<Ticket> answer(Scope scope, long id, TicketVersionContent in) {
        return current(scope, id, TicketStatus.HANDLING, in.version()).chain(t -> {
            requireHandler(scope, t, "只有承办单位可以答复");
            OffsetDateTime now = OffsetDateTime.now(clock);
            CalendarDays days = days();
            t.status = TicketStatus.REPLIED;
            t.repliedAt = now;
            t.rateFrom = days.addWorkingDays(now.toLocalDate(), rules.rateAfter);
            t.autoCloseOn = days.addWorkingDays(t.rateFrom, rules.autoCloseDays);
            t.extensionPendingDays = null;
            t.updatedAt = now;
            return events.append(t, "REPLIED", scope, now, in.content().trim(), null, t.rateFrom, null, null)
                    .chain(() -> notices.toComplainant(t, "工单已答复", "您反映的「" + t.title + "」已答复，请在小程序查看并评价"))
                    .chain(() -> done(t));
        });
    }

    /** The complainant rates the reply: satisfied closes it, dissatisfied sends it back to the handling unit. */
    @WithTransaction
    public Uni<Ticket> rate(Scope scope, long id, TicketRating in) {
        scope.requireRole(Role.FARMER);
        return tickets.requireVisible(scope, id).chain(t -> {
            requireStatus(t, TicketStatus.REPLIED);
            return settle(t, scope, in.satisfaction(), blankToNull(in.comment()), "RATED");
        });
    }

    /** The accepting unit calls the complainant back and records the rating given on the phone. */
    @WithTransaction
    public Uni<Ticket> followUp(Scope scope, long id, TicketFollowUp in) {
        scope.requireRole(ACCEPTORS);
        return tickets.requireVisible(scope, id).chain(t -> {
            requireStatus(t, TicketStatus.REPLIED);
            requireUnit(scope, t.acceptRegion, "由受理单位进行回访");
            return settle(t, scope, in.satisfaction(), in.note().trim(), "FOLLOWED_UP");
        });
    }

    private Uni<Ticket> settle(TicketEntity t, Scope scope, Satisfaction satisfaction, String comment, String type) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.toLocalDate().isBefore(t.rateFrom)) {
            throw ApiException.conflict("答复后次一工作日起才能评价（" + t.rateFrom + " 起）");
        }
        t.satisfaction = satisfaction;
        t.updatedAt = now;
        Uni<?> step = events.append(t, type, scope, now, comment, null, null, satisfaction, null);
        if (satisfaction == Satisfaction.DISSATISFIED) {
            t.status = TicketStatus.HANDLING;
            t.rehandleCount++;
            t.handleDue = days().addWorkingDays(now.toLocalDate(), rules.handleDays(t.category));
            t.repliedAt = null;
            t.rateFrom = null;
            t.autoCloseOn = null;
            step = step.chain(() -> events.append(t, "REOPENED", scope, now, "投诉人不满意，发回重办", t.handlerRegion,
                    t.handleDue, null, null))
                    .chain(() -> notices.toUnit(t.handlerRegion, t, "工单发回重办", TicketNotices.about(t) + "投诉人不满意，请于 " + t.handleDue + " 前重新办理"));
        } else {
            close(t, now);
            step = step.chain(() -> events.append(t, "CLOSED", scope, now, null));
        }
        return step.chain(() -> done(t));
    }

    /** Closed; late when closed after the handling deadline. */
    void close(TicketEntity t, OffsetDateTime now) {
        t.status = TicketStatus.CLOSED;
        t.closedAt = now;
        t.closedLate = t.handleDue != null && t.repliedAt != null
                && t.repliedAt.atZoneSameInstant(clock.getZone()).toLocalDate().isAfter(t.handleDue);
        t.updatedAt = now;
    }

    /** The complainant in full, for the accepting unit and (unless it is about their own conduct) the handling unit. */
    public Uni<Complainant> complainant(Scope scope, long id, TicketReason in) {
        scope.requireRole(CADRES);
        return reveal(scope, id, in);
    }

    /**
     * The reveal, recorded in ticket_access. The handling unit is the handling region's cadres (also while a department
     * of theirs holds the ticket: they supervise it) or the holding department's system.
     */
    @WithTransaction
    Uni<Complainant> reveal(Scope scope, long id, TicketReason in) {
        return visible(scope, id).chain(t -> {
            boolean client = scope.role() == Role.API_CLIENT;
            boolean accepting = !client && scope.regionCode().equals(t.acceptRegion) && scope.hasRole(ACCEPTORS);
            boolean holder = client ? t.handlerDepartmentId != null : scope.regionCode().equals(t.handlerRegion);
            boolean handling = holder && t.category != TicketCategory.CADRE_CONDUCT;
            if (!accepting && !handling) {
                throw ApiException.forbidden("投诉人信息仅受理单位和承办单位可以查看");
            }
            if (t.anonymous) {
                throw ApiException.conflict("匿名工单不显示投诉人");
            }
            TicketAccessEntity a = new TicketAccessEntity();
            a.ticketId = t.id;
            a.actor = Actor.of(scope);
            a.actorClient = TicketEventRepository.clientOf(scope);
            a.at = OffsetDateTime.now(clock);
            a.reason = in.reason().trim();
            return tickets.getSession().chain(s -> s.persist(a))
                    .map(x -> new Complainant(cipher.decrypt(t.complainantNameEnc), cipher.decrypt(t.complainantPhoneEnc)));
        });
    }

    /**
     * 部门退回: the holding department's system gives the ticket back (not its duty) to the region that gave it to
     * the department — the actor of the latest 交办/转办 — for that region to give it to another unit. The deadline
     * does not move.
     */
    @WithTransaction
    Uni<Ticket> giveBack(Scope scope, long id, TicketVersionReason in) {
        return current(scope, id, TicketStatus.HANDLING, in.version()).chain(t -> {
            requireHandler(scope, t, "只有承办部门可以退回");
            return events.lastAssigningRegion(t.id).chain(from -> {
                String back = from != null ? from : t.acceptRegion;
                OffsetDateTime now = OffsetDateTime.now(clock);
                String reason = in.reason().trim();
                give(t, HandlingUnit.region(back));
                t.extensionPendingDays = null;
                t.updatedAt = now;
                return events.append(t, "RETURNED", scope, now, reason, back, t.handleDue, null, null)
                        .chain(() -> notices.toUnit(back, t, "部门退回工单",
                                TicketNotices.about(t) + "被承办部门退回：" + reason + "。请重新交办，办理时限 " + t.handleDue))
                        .chain(() -> done(t));
            });
        });
    }

    // ---- helpers for the cycle (also used by the escalation steps) ----

    /**
     * The ticket the caller may see, else 404: for farmers and cadres as {@link TicketRepository#visible}; for a
     * department's system, only the tickets its departments hold.
     */
    Uni<TicketEntity> visible(Scope scope, long id) {
        if (scope.role() != Role.API_CLIENT) {
            return tickets.requireVisible(scope, id);
        }
        return departments.handledBy(scope.subject()).chain(held -> tickets.requireHeldBy(held, id));
    }

    /**
     * Who handles (records actions, replies, gives back): the holding department's system when a department holds
     * the ticket — then the region's cadres only supervise (409) — else the cadres of the handling region (403).
     */
    static void requireHandler(Scope scope, TicketEntity t, String message) {
        if (scope.role() == Role.API_CLIENT) {
            if (t.handlerDepartmentId == null) {
                throw ApiException.notFound(TicketRepository.NOT_HELD);
            }
            return;
        }
        if (t.handlerDepartmentId != null) {
            throw ApiException.conflict(DEPARTMENT_HOLDS);
        }
        requireUnit(scope, t.handlerRegion, message);
    }

    /** The ticket the caller may act on, at the status and still at the version read (409 otherwise). */
    Uni<TicketEntity> current(Scope scope, long id, TicketStatus status, int version) {
        return visible(scope, id).invoke(t -> {
            requireStatus(t, status);
            if (t.version != version) {
                throw ApiException.conflict("工单已被他人办理，请刷新后重试");
            }
        });
    }

    static void requireStatus(TicketEntity t, TicketStatus status) {
        if (t.status != status) {
            throw ApiException.conflict("该工单当前" + statusName(t.status) + "，不能进行此操作");
        }
    }

    static void requireUnit(Scope scope, String unit, String message) {
        if (unit == null || !unit.equals(scope.regionCode())) {
            throw ApiException.forbidden(message);
        }
    }

    Uni<Ticket> done(TicketEntity t) {
        return tickets.flush().chain(() -> views(List.of(t))).map(l -> l.get(0));
    }

    CalendarDays days() {
        return calendar.days();
    }

    private Uni<String> requireRegion(String field, String code) {
        return regions.names(List.of(code)).map(names -> {
            if (!names.containsKey(code)) {
                throw ApiException.invalid(field, "区划不存在：" + code);
            }
            return code;
        });
    }

    private static void requireReader(Scope scope) {
        if (scope.role() != Role.FARMER) {
            scope.requireRole(CADRES);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String statusName(TicketStatus s) {
        return switch (s) {
            case REGISTERED -> "待受理";
            case HANDLING -> "办理中";
            case REPLIED -> "已答复";
            case CLOSED -> "已办结";
            case REFUSED -> "不予受理";
            case MERGED -> "已合并";
        };
    }

    static String channelName(TicketChannel c) {
        return switch (c) {
            case MINIPROGRAM -> "小程序";
            case HOTLINE_12345 -> "12345 热线";
            case HOTLINE_12317 -> "12317 热线";
            case LETTER -> "来信";
            case VISIT -> "来访";
            case OTHER -> "其他";
        };
    }
}
