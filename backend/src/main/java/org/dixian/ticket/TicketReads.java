package org.dixian.ticket;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbox's hot read: a page of tickets and their steps by id, two statements on the reactive pool at once and no
 * ORM session. Loading the same rows as entities through Hibernate Reactive took 60 % of the backend's CPU for a
 * township's todo list (src-docs/performance.md, "Tickets"). The rows come back as detached entities, so that
 * {@link TicketService#views(List, Map)} shows them exactly as it shows a ticket just written.
 */
@ApplicationScoped
public class TicketReads {
    private static final String TICKETS = """
            select id, ticket_no, channel, category, status, title, description, region_code, household_id, anonymous,
                   complainant_name_enc, complainant_phone_enc, handler_region, handler_department_id, accept_due, handle_due, supervised,
                   supervise_due, extension_count, extension_pending_days, urge_count, rehandle_count, satisfaction,
                   replied_at, rate_from, closed_at, merged_into, split_from, case_id, external_no, photo_ids, created_at, version
              from ticket where id = any($1)
            """;
    private static final String STEPS = """
            select ticket_id, type, status, actor_role, actor_region, at, content, target_region, target_department, due, satisfaction,
                   attachments
              from ticket_event where ticket_id = any($1) order by ticket_id, id
            """;

    /** Tickets in the order of the ids asked for (ids no longer found are left out), and their steps by ticket. */
    record Loaded(List<TicketEntity> tickets, Map<Long, List<TicketEvent>> steps) {
    }

    private final Pool pool;

    public TicketReads(Pool pool) {
        this.pool = pool;
    }

    Uni<Loaded> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new Loaded(List.of(), Map.of()));
        }
        Tuple args = Tuple.of(ids.toArray(new Long[0]));
        return Uni.combine().all()
                .unis(pool.preparedQuery(TICKETS).execute(args), pool.preparedQuery(STEPS).execute(args))
                .asTuple().map(both -> {
                    Map<Long, TicketEntity> byId = new HashMap<>();
                    both.getItem1().forEach(r -> byId.put(r.getLong("id"), ticket(r)));
                    Map<Long, List<TicketEvent>> steps = new HashMap<>();
                    both.getItem2().forEach(r -> steps.computeIfAbsent(r.getLong("ticket_id"), k -> new ArrayList<>()).add(step(r)));
                    return new Loaded(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), steps);
                });
    }

    private static TicketEntity ticket(Row r) {
        TicketEntity t = new TicketEntity();
        t.id = r.getLong("id");
        t.ticketNo = r.getString("ticket_no");
        t.channel = TicketChannel.valueOf(r.getString("channel"));
        t.category = TicketCategory.valueOf(r.getString("category"));
        t.status = TicketStatus.valueOf(r.getString("status"));
        t.title = r.getString("title");
        t.description = r.getString("description");
        t.regionCode = r.getString("region_code");
        t.householdId = r.getLong("household_id");
        t.anonymous = r.getBoolean("anonymous");
        t.complainantNameEnc = r.getString("complainant_name_enc");
        t.complainantPhoneEnc = r.getString("complainant_phone_enc");
        t.handlerRegion = r.getString("handler_region");
        t.handlerDepartmentId = r.getLong("handler_department_id");
        t.acceptDue = r.getLocalDate("accept_due");
        t.handleDue = r.getLocalDate("handle_due");
        t.supervised = r.getBoolean("supervised");
        t.superviseDue = r.getLocalDate("supervise_due");
        t.extensionCount = r.getInteger("extension_count");
        t.extensionPendingDays = r.getInteger("extension_pending_days");
        t.urgeCount = r.getInteger("urge_count");
        t.rehandleCount = r.getInteger("rehandle_count");
        String satisfaction = r.getString("satisfaction");
        t.satisfaction = satisfaction == null ? null : Satisfaction.valueOf(satisfaction);
        t.repliedAt = r.getOffsetDateTime("replied_at");
        t.rateFrom = r.getLocalDate("rate_from");
        t.closedAt = r.getOffsetDateTime("closed_at");
        t.mergedInto = r.getLong("merged_into");
        t.splitFrom = r.getLong("split_from");
        t.caseId = r.getLong("case_id");
        t.externalNo = r.getString("external_no");
        Long[] photos = r.getArrayOfLongs("photo_ids");
        t.photoIds = photos == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(photos));
        t.createdAt = r.getOffsetDateTime("created_at");
        t.version = r.getInteger("version");
        return t;
    }

    private static TicketEvent step(Row r) {
        String role = r.getString("actor_role");
        String satisfaction = r.getString("satisfaction");
        Long[] attachments = r.getArrayOfLongs("attachments");
        return new TicketEvent(r.getString("type"), TicketStatus.valueOf(r.getString("status")),
                role == null ? null : Role.valueOf(role), r.getString("actor_region"), r.getOffsetDateTime("at"),
                r.getString("content"), r.getString("target_region"), r.getString("target_department"), r.getLocalDate("due"),
                satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
                attachments == null ? List.of() : Arrays.asList(attachments));
    }
}
