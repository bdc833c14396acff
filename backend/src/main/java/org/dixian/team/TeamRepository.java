package org.dixian.team;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<TeamEntity, Long> {

    /** The teams of villages in the code range [from, to), by village. */
    public Uni<List<TeamEntity>> inRange(String[] range) {
        return list("villageCode >= :from and villageCode < :to order by villageCode, id",
                Parameters.with("from", range[0]).and("to", range[1]));
    }

    /** Whether the village has a team that has not ended by {@code day}. */
    public Uni<Boolean> activeIn(String villageCode, LocalDate day) {
        return count("villageCode = ?1 and (endDate is null or endDate >= ?2)", villageCode, day).map(n -> n > 0);
    }

    public Uni<TeamEntity> byRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }

    public Uni<List<TeamEntity>> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1 order by id", ids);
    }
}
