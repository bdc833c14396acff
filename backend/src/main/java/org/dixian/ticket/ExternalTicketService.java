package org.dixian.ticket;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.client.ApiClientService;
import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.crypto.FieldCipher;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Third-party platforms (a city's 12345, a department's hotline) push tickets with client credentials and pull
 * their progress. A push is idempotent by (client, external number): the unique index on those two columns has
 * the last word, so two pushes racing with the same number still make one ticket.
 */
@ApplicationScoped
public class ExternalTicketService {
    static final String SCOPE = "tickets:push";
    static final String NOT_FOUND = "未找到该工单，或不是本平台推送的工单";
    private static final String UNIQUE = "ticket_client_id_external_no_key";

    /** A ticket as its platform sees it; the reply is the text of the latest REPLIED step. */
    private static final String STATUS = """
            select t.external_no, t.ticket_no, t.status, t.handler_region, t.handle_due,
                   (select e.content from ticket_event e
                     where e.ticket_id = t.id and e.type = 'REPLIED' order by e.id desc limit 1) as reply,
                   t.replied_at, t.satisfaction, t.closed_at, t.updated_at, t.id
              from ticket t
            """;
    private static final String ONE = STATUS + " where t.client_id = $1 and t.external_no = $2";
    // coalesce keeps the lower bound an index condition in generic plans as well (ticket_client_updated_idx).
    private static final String PAGE = STATUS + """
             where t.client_id = $1 and t.updated_at > coalesce($2, '-infinity'::timestamptz)
             order by t.updated_at, t.id
             limit $3
            """;
    private static final String TIES = STATUS + " where t.client_id = $1 and t.updated_at = $2 and t.id > $3 order by t.id";

    /** The answer to a push: the ticket, and whether this push made it (201) or found it (200). */
    public record Pushed(ExternalTicketStatus ticket, boolean created) {
    }

    private final TicketService tickets;
    private final ApiClientService clients;
    private final RegionService regions;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Pool pool;
    private final Map<String, String> platformNames = new ConcurrentHashMap<>();

    public ExternalTicketService(TicketService tickets, ApiClientService clients, RegionService regions, FieldCipher cipher,
                                 BlindIndex index, Pool pool) {
        this.tickets = tickets;
        this.clients = clients;
        this.regions = regions;
        this.cipher = cipher;
        this.index = index;
        this.pool = pool;
    }

    /** Registers a pushed ticket once per external number; a repeat answers the ticket already made. */
    public Uni<Pushed> push(Scope scope, ExternalTicket in) {
        requireClient(scope);
        if (in.channel() == TicketChannel.MINIPROGRAM) {
            throw ApiException.invalid("channel", "小程序渠道的工单由农户本人提交，第三方平台不能推送");
        }
        scope.requireCovers(in.regionCode());
        return regions.names(List.of(in.regionCode())).chain(names -> {
            if (!names.containsKey(in.regionCode())) {
                throw ApiException.invalid("regionCode", "区划不存在：" + in.regionCode());
            }
            return find(scope, in.externalNo());
        }).chain(found -> found != null
                ? Uni.createFrom().item(new Pushed(found, false))
                : platformName(scope.subject())
                        .chain(name -> insert(scope, in, name))
                        .map(made -> new Pushed(made, true))
                        // Another push of the same number committed first: answer with its ticket.
                        .onFailure(ExternalTicketService::sameNumber)
                        .recoverWithUni(() -> find(scope, in.externalNo()).map(made -> new Pushed(made, false))));
    }

    /** The new ticket as its platform sees it, from what was written (nothing has happened to it yet). */
    @WithTransaction
    Uni<ExternalTicketStatus> insert(Scope scope, ExternalTicket in, String platform) {
        TicketEntity t = tickets.newTicket(in.channel(), in.category(), in.title(), in.description(), in.regionCode(),
                TicketRules.acceptingUnit(in.regionCode()));
        // As the database keeps it, so that this answer and later reads agree to the microsecond.
        t.createdAt = t.createdAt.truncatedTo(ChronoUnit.MICROS);
        t.updatedAt = t.createdAt;
        t.anonymous = Boolean.TRUE.equals(in.anonymous());
        t.complainantNameEnc = t.anonymous ? null : cipher.encrypt(TicketService.blankToNull(in.complainantName()));
        t.complainantPhoneEnc = t.anonymous ? null : cipher.encrypt(in.complainantPhone());
        t.complainantPhoneHash = t.anonymous || in.complainantPhone() == null ? null : index.of("phone", in.complainantPhone());
        t.clientId = scope.subject();
        t.externalNo = in.externalNo();
        return tickets.register(t, scope, "第三方平台推送（" + platform + "）")
                .map(id -> new ExternalTicketStatus(t.externalNo, t.ticketNo, t.status, null, null, null, null, null, null,
                        t.updatedAt.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    /** The client's registered name for the REGISTERED step (its id if unknown); names are never changed, so kept. */
    private Uni<String> platformName(String clientId) {
        String known = platformNames.get(clientId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return clients.name(clientId).map(name -> {
            String shown = name == null ? clientId : name;
            if (platformNames.size() < 10_000) {
                platformNames.put(clientId, shown);
            }
            return shown;
        });
    }

    /** One of the calling platform's tickets by its external number (404 for any other). */
    public Uni<ExternalTicketStatus> get(Scope scope, String externalNo) {
        requireClient(scope);
        return find(scope, externalNo).onItem().ifNull().failWith(() -> ApiException.notFound(NOT_FOUND));
    }

    /**
     * The calling platform's tickets changed after {@code updatedAfter}, oldest change first. Tickets changed at the
     * same instant as the page's last one all come in that page (it may then hold more than {@code limit}), so a
     * platform that passes nextUpdatedAfter back never skips one.
     */
    public Uni<ExternalTicketPage> page(Scope scope, OffsetDateTime updatedAfter, int limit) {
        requireClient(scope);
        return pool.preparedQuery(PAGE).execute(Tuple.of(scope.subject(), updatedAfter, limit + 1)).chain(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            if (list.size() <= limit) {
                return Uni.createFrom().item(new ExternalTicketPage(list.stream().map(ExternalTicketService::status).toList(), null));
            }
            Row last = list.get(limit - 1);
            OffsetDateTime lastAt = last.getOffsetDateTime("updated_at");
            boolean tie = list.get(limit).getOffsetDateTime("updated_at").isEqual(lastAt);
            List<Row> page = new ArrayList<>(list.subList(0, limit));
            Uni<List<Row>> ties = tie
                    ? pool.preparedQuery(TIES).execute(Tuple.of(scope.subject(), lastAt, last.getLong("id"))).map(ExternalTicketService::rows)
                    : Uni.createFrom().item(List.of());
            return ties.map(more -> {
                page.addAll(more);
                return new ExternalTicketPage(page.stream().map(ExternalTicketService::status).toList(), lastAt);
            });
        });
    }

    private Uni<ExternalTicketStatus> find(Scope scope, String externalNo) {
        return pool.preparedQuery(ONE).execute(Tuple.of(scope.subject(), externalNo))
                .map(rows -> rows.size() == 0 ? null : status(rows.iterator().next()));
    }

    private static ExternalTicketStatus status(Row r) {
        String satisfaction = r.getString("satisfaction");
        return new ExternalTicketStatus(r.getString("external_no"), r.getString("ticket_no"),
                TicketStatus.valueOf(r.getString("status")), r.getString("handler_region"), r.getLocalDate("handle_due"),
                r.getString("reply"), r.getOffsetDateTime("replied_at"),
                satisfaction == null ? null : Satisfaction.valueOf(satisfaction), r.getOffsetDateTime("closed_at"),
                r.getOffsetDateTime("updated_at"));
    }

    private static List<Row> rows(RowSet<Row> rows) {
        List<Row> out = new ArrayList<>();
        rows.forEach(out::add);
        return out;
    }

    private static void requireClient(Scope scope) {
        scope.requireRole(Role.API_CLIENT);
        scope.requireClientScope(SCOPE);
    }

    static boolean sameNumber(Throwable failure) {
        // Hibernate Reactive reports it as its own ConstraintViolationException; the pool as a PgException.
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return UNIQUE.equals(pg.getConstraint());
            }
            if (c instanceof JDBCException j && "23505".equals(j.getSQLState())) {
                return UNIQUE.equals(j instanceof ConstraintViolationException v ? v.getConstraintName() : null)
                        || String.valueOf(j.getMessage()).contains(UNIQUE);
            }
        }
        return false;
    }
}
