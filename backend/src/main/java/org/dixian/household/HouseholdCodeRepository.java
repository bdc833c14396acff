package org.dixian.household;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class HouseholdCodeRepository implements PanacheRepositoryBase<HouseholdCodeEntity, Long> {
    public Uni<HouseholdCodeEntity> byCode(String code) {
        return find("code", code).firstResult();
    }
}
