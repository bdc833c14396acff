package org.dixian.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.persistence.Actor;
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
        TicketEventEntity e = new TicketEventEntity();
        e.ticketId = t.id;
        e.type = type;
        e.status = t.status;
        e.actor = actor == null ? null : Actor.of(actor);
        e.at = at;
        e.content = content;
        e.targetRegion = targetRegion;
        e.due = due;
        e.satisfaction = satisfaction;
        e.attachments = attachments == null ? new ArrayList<>() : new ArrayList<>(attachments);
        return persist(e);
    }

    public Uni<TicketEventEntity> append(TicketEntity t, String type, Scope actor, OffsetDateTime at, String content) {
        return append(t, type, actor, at, content, null, null, null, null);
    }

    public Uni<List<TicketEventEntity>> ofTickets(Collection<Long> ids) {
        return list("ticketId in ?1 order by id", ids);
    }
}
