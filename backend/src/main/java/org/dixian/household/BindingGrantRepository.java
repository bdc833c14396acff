package org.dixian.household;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BindingGrantRepository implements PanacheRepositoryBase<BindingGrantEntity, BindingGrantEntity.Key> {
}
