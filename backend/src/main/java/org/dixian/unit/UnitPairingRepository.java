package org.dixian.unit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class UnitPairingRepository implements PanacheRepositoryBase<UnitPairingEntity, Long> {

    /** The pairings of these units with villages in the code range [from, to), oldest first. */
    public Uni<List<UnitPairingEntity>> ofUnits(Collection<Long> unitIds, String[] range) {
        if (unitIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("unitId in :units and villageCode >= :from and villageCode < :to order by startDate, id",
                Parameters.with("units", List.copyOf(unitIds)).and("from", range[0]).and("to", range[1]));
    }

    /** The current (not ended) pairing of a unit with a village, or null. */
    public Uni<UnitPairingEntity> current(long unitId, String villageCode) {
        return find("unitId = ?1 and villageCode = ?2 and endDate is null", unitId, villageCode).firstResult();
    }
}
