package org.dixian.department;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class DepartmentRepository implements PanacheRepositoryBase<DepartmentEntity, Long> {

    /**
     * The departments seen from a region: those at it or below it (the code range [from, to)) and those of the
     * regions above it ({@code path}: the region's own code and its ancestors' codes).
     */
    public Uni<List<DepartmentEntity>> seenFrom(String[] range, List<String> path) {
        return list("(regionCode >= :from and regionCode < :to) or regionCode in :path order by regionCode, name, id",
                Parameters.with("from", range[0]).and("to", range[1]).and("path", path));
    }

    public Uni<Boolean> nameTaken(String regionCode, String name) {
        return count("regionCode = ?1 and name = ?2", regionCode, name).map(n -> n > 0);
    }
}
