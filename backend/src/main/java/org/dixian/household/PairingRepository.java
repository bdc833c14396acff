package org.dixian.household;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class PairingRepository implements PanacheRepositoryBase<PairingEntity, Long> {

    /** Current pairings first, then the ended ones, each by start date, latest first. */
    public Uni<List<PairingEntity>> ofHousehold(long householdId) {
        return list("householdId = ?1 order by (case when endDate is null then 0 else 1 end), startDate desc, id desc",
                householdId);
    }

    public Uni<PairingEntity> current(long householdId, long helperId) {
        return find("householdId = ?1 and helperId = ?2 and endDate is null", householdId, helperId).firstResult();
    }
}
