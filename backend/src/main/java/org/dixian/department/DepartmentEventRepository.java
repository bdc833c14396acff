package org.dixian.department;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DepartmentEventRepository implements PanacheRepositoryBase<DepartmentEventEntity, Long> {
}
