package org.dixian.unit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UnitEventRepository implements PanacheRepositoryBase<UnitEventEntity, Long> {
}
