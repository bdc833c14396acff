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
public class HouseholdEventRepository implements PanacheRepositoryBase<HouseholdEventEntity, Long> {
    private final Clock clock;
    private final DetailCache details;

    public HouseholdEventRepository(Clock clock, DetailCache details) {
        this.clock = clock;
        this.details = details;
    }

    public Uni<List<HouseholdEventEntity>> ofHousehold(long householdId) {
        return list("householdId = ?1 order by id", householdId);
    }

    public Uni<HouseholdEventEntity> append(long householdId, Long memberId, String type, Scope actor, String reason,
                                            List<FieldChange> changes) {
        HouseholdEventEntity e = new HouseholdEventEntity();
        e.householdId = householdId;
        e.memberId = memberId;
        e.type = type;
        e.at = OffsetDateTime.now(clock);
        e.reason = reason;
        e.changes = HouseholdEventEntity.write(changes);
        if (actor != null) {
            e.actor = Actor.of(actor);
        }
        // Every change of a household comes with its event: the one place where cached details are dropped.
        return details.changed(householdId).chain(() -> persist(e));
    }
}
