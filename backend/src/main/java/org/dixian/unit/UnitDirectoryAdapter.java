package org.dixian.unit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.team.UnitDirectory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The unit registry's answer to resident teams: names of existing units (names are not protected). */
@ApplicationScoped
public class UnitDirectoryAdapter implements UnitDirectory {
    private final Pool pool;

    public UnitDirectoryAdapter(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Map<Long, String>> names(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Long[] wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toArray(Long[]::new);
        return pool.preparedQuery("select id, name from assistance_unit where id = any($1)").execute(Tuple.of(wanted))
                .map(rows -> {
                    Map<Long, String> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getLong(0), r.getString(1)));
                    return out;
                });
    }
}
