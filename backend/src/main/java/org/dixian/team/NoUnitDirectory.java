package org.dixian.team;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;

/** Used only while no unit registry is installed: no unit exists, so a team naming a unit is refused. */
@DefaultBean
@ApplicationScoped
public class NoUnitDirectory implements UnitDirectory {
    @Override
    public Uni<Map<Long, String>> names(Collection<Long> ids) {
        return Uni.createFrom().item(Map.of());
    }
}
