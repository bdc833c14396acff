package org.dixian.team;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.persistence.Actor;
import org.dixian.platform.security.Scope;

import java.time.OffsetDateTime;
import java.util.Map;

@ApplicationScoped
public class TeamEventRepository implements PanacheRepositoryBase<TeamEventEntity, Long> {

    /** Appends one step of a team's history in the caller's transaction. */
    public Uni<TeamEventEntity> append(long teamId, Long memberId, Long leaveId, String type, Scope scope,
                                       OffsetDateTime at, String reason, Map<String, Object> data) {
        TeamEventEntity e = new TeamEventEntity();
        e.teamId = teamId;
        e.memberId = memberId;
        e.leaveId = leaveId;
        e.type = type;
        e.actor = scope == null ? null : Actor.of(scope);
        e.at = at;
        e.reason = reason;
        e.data = data;
        return persist(e);
    }
}
