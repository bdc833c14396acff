package org.dixian.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.persistence.Actor;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class TicketEventRepository implements PanacheRepositoryBase<TicketEventEntity, Long> {

    /** One step; {@code actor} null for the system (automatic urging, closing) or a third-party platform. */
    public Uni<TicketEventEntity> append(TicketEntity t, String type, Scope actor, OffsetDateTime at, String content,
                                         String targetRegion, LocalDate due, Satisfaction satisfaction, List<Long> attachments) {
        return persist(step(t, type, actor, at, content, targetRegion, due, satisfaction, attachments));
    }

    private static TicketEventEntity step(TicketEntity t, String type, Scope actor, OffsetDateTime at, String content,
                                          String targetRegion, LocalDate due, Satisfaction satisfaction, List<Long> attachments) {
        TicketEventEntity e = new TicketEventEntity();
        e.ticketId = t.id;
        e.type = type;
        e.status = t.status;
        e.actor = actor == null ? null : Actor.of(actor);
        e.actorClient = clientOf(actor);
        e.at = at;
        e.content = content;
        e.targetRegion = targetRegion;
        e.due = due;
        e.satisfaction = satisfaction;
        e.attachments = attachments == null ? new ArrayList<>() : new ArrayList<>(attachments);
        return e;
    }

    /** A step that gives the ticket to a unit (交办, 转办): the unit's region and, for a department, its id and name. */
    public Uni<TicketEventEntity> appendTo(TicketEntity t, String type, Scope actor, OffsetDateTime at, String content,
                                           HandlingUnit to, LocalDate due) {
        TicketEventEntity e = step(t, type, actor, at, content, to.region(), due, null, null);
        e.targetDepartmentId = to.departmentId();
        e.targetDepartment = to.departmentName();
        return persist(e);
    }

    /** The region that last gave the ticket to its unit (the actor of the latest ASSIGNED or REASSIGNED), or null. */
    public Uni<String> lastAssigningRegion(long ticketId) {
        return getSession().chain(s -> s.createSelectionQuery("select e.actor.region from TicketEventEntity e "
                        + "where e.ticketId = :id and e.type in ('ASSIGNED', 'REASSIGNED') order by e.id desc", String.class)
                .setParameter("id", ticketId).setMaxResults(1).getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    /** The client behind a department system's step, kept beside the actor (an API client has no account id). */
    static String clientOf(Scope actor) {
        return actor != null && actor.role() == Role.API_CLIENT ? actor.subject() : null;
    }

    public Uni<TicketEventEntity> append(TicketEntity t, String type, Scope actor, OffsetDateTime at, String content) {
        return append(t, type, actor, at, content, null, null, null, null);
    }

    public Uni<List<TicketEventEntity>> ofTickets(Collection<Long> ids) {
        return list("ticketId in ?1 order by id", ids);
    }
}
