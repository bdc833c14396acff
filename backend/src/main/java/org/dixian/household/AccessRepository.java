package org.dixian.household;

import org.dixian.platform.persistence.Actor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.Scope;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class AccessRepository implements PanacheRepositoryBase<AccessEntity, Long> {
    private final Clock clock;

    public AccessRepository(Clock clock) {
        this.clock = clock;
    }

    public Uni<List<AccessEntity>> ofHousehold(long householdId, int limit) {
        return find("householdId = ?1 order by id desc", householdId).page(0, limit).list();
    }

    public Uni<AccessEntity> log(long householdId, Long memberId, String kind, ProtectedField field, Scope actor, String reason) {
        AccessEntity a = new AccessEntity();
        a.householdId = householdId;
        a.memberId = memberId;
        a.kind = kind;
        a.field = field;
        a.actor = Actor.of(actor);
        a.at = OffsetDateTime.now(clock);
        a.reason = reason;
        return persist(a);
    }
}
