package org.dixian.unit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class AssistanceUnitRepository implements PanacheRepositoryBase<AssistanceUnitEntity, Long> {

    /**
     * The units seen from a region (the code range [from, to)): registered in it, or paired (now or before) with a
     * village in it — so a township sees the provincial unit that works in one of its villages.
     */
    public Uni<List<AssistanceUnitEntity>> seenFrom(String[] range) {
        return list("(regionCode >= :from and regionCode < :to) or id in (select p.unitId from UnitPairingEntity p"
                        + " where p.villageCode >= :from and p.villageCode < :to) order by regionCode, name, id",
                Parameters.with("from", range[0]).and("to", range[1]));
    }

    public Uni<Boolean> nameTaken(String regionCode, String name) {
        return count("regionCode = ?1 and name = ?2", regionCode, name).map(n -> n > 0);
    }

    public Uni<AssistanceUnitEntity> findByRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }
}
