package org.dixian.household;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class IncomeRepository implements PanacheRepositoryBase<IncomeEntity, IncomeEntity.Key> {
    public Uni<List<IncomeEntity>> ofHousehold(long householdId) {
        return list("householdId = ?1 order by year desc", householdId);
    }
}
