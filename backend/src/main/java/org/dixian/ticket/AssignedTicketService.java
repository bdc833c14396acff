package org.dixian.ticket;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.client.ClientScopes;
import org.dixian.department.DepartmentService;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A department's system (client credentials with tickets:handle) handles the tickets given to its departments: it
 * pulls them by update time, reads one, reveals the complainant, records actions, replies, or gives one back. Only
 * the entry differs from the cadres': the steps are {@link TicketService}'s, with the same rules and events.
 */
@ApplicationScoped
public class AssignedTicketService {
    // coalesce keeps the lower bound an index condition in generic plans as well (ticket_department_updated_idx).
    private static final String PAGE = """
            select id, updated_at from ticket
             where handler_department_id = any($1) and updated_at > coalesce($2, '-infinity'::timestamptz)
             order by updated_at, id
             limit $3
            """;
    private static final String TIES = """
            select id, updated_at from ticket
             where handler_department_id = any($1) and updated_at = $2 and id > $3
             order by id
            """;

    private final TicketService cycle;
    private final TicketReads reads;
    private final DepartmentService departments;
    private final Pool pool;

    public AssignedTicketService(TicketService cycle, TicketReads reads, DepartmentService departments, Pool pool) {
        this.cycle = cycle;
        this.reads = reads;
        this.departments = departments;
        this.pool = pool;
    }

    /**
     * The tickets the caller's departments hold, changed after {@code updatedAfter}, oldest change first. Tickets
     * changed at the same instant as the page's last one all come in that page, so passing nextUpdatedAfter back
     * never skips one. A ticket given back or given to another unit leaves the list.
     */
    public Uni<AssignedTicketPage> page(Scope scope, OffsetDateTime updatedAfter, int limit) {
        requireHandler(scope);
        return departments.handledBy(scope.subject()).chain(held -> {
            if (held.isEmpty()) {
                return Uni.createFrom().item(new AssignedTicketPage(List.of(), null));
            }
            Long[] ids = held.toArray(Long[]::new);
            return pool.preparedQuery(PAGE).execute(Tuple.of(ids, updatedAfter, limit + 1)).chain(rows -> {
                List<Row> list = new ArrayList<>();
                rows.forEach(list::add);
                if (list.size() <= limit) {
                    return show(list, null);
                }
                Row last = list.get(limit - 1);
                OffsetDateTime lastAt = last.getOffsetDateTime("updated_at");
                List<Row> page = new ArrayList<>(list.subList(0, limit));
                if (!list.get(limit).getOffsetDateTime("updated_at").isEqual(lastAt)) {
                    return show(page, lastAt);
                }
                return pool.preparedQuery(TIES).execute(Tuple.of(ids, lastAt, last.getLong("id"))).chain(more -> {
                    more.forEach(page::add);
                    return show(page, lastAt);
                });
            });
        });
    }

    private Uni<AssignedTicketPage> show(List<Row> rows, OffsetDateTime next) {
        List<Long> ids = rows.stream().map(r -> r.getLong("id")).toList();
        return reads.load(ids).chain(loaded -> cycle.views(loaded.tickets(), loaded.steps()))
                .map(items -> new AssignedTicketPage(items, next));
    }

    /** One ticket a department of the caller's holds (404 for any other). */
    public Uni<Ticket> get(Scope scope, long id) {
        requireHandler(scope);
        return cycle.load(scope, id);
    }

    /** The complainant in full, recorded in the ticket's access log with the client as the actor. */
    public Uni<Complainant> complainant(Scope scope, long id, TicketReason in) {
        requireHandler(scope);
        return cycle.reveal(scope, id, in);
    }

    public Uni<Ticket> action(Scope scope, long id, TicketNote in) {
        requireHandler(scope);
        return cycle.record(scope, id, in);
    }

    public Uni<Ticket> reply(Scope scope, long id, TicketVersionContent in) {
        requireHandler(scope);
        return cycle.answer(scope, id, in);
    }

    /** 部门退回: back to the region that gave it, for another unit. */
    public Uni<Ticket> giveBack(Scope scope, long id, TicketVersionReason in) {
        requireHandler(scope);
        return cycle.giveBack(scope, id, in);
    }

    private static void requireHandler(Scope scope) {
        scope.requireRole(Role.API_CLIENT);
        scope.requireClientScope(ClientScopes.TICKETS_HANDLE);
    }
}
