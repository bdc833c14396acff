package org.dixian.notice;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.persistence.Actor;
import org.dixian.platform.security.Scope;

import java.time.OffsetDateTime;

@ApplicationScoped
public class NoticeEventRepository implements PanacheRepositoryBase<NoticeEventEntity, Long> {

    /** One step of the notice, by the caller, in the current transaction. */
    public Uni<NoticeEventEntity> append(NoticeEntity n, String type, Scope actor, OffsetDateTime at, String reason) {
        NoticeEventEntity e = new NoticeEventEntity();
        e.noticeId = n.id;
        e.type = type;
        e.actor = Actor.of(actor);
        e.at = at;
        e.reason = reason;
        return persist(e);
    }
}
