package org.dixian.checkin;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The days people were in a village as their check-ins show it, for resident-team attendance and leave: per account,
 * each date with a check-in of the given tasks in the village, and whether every such check-in that day was outside
 * the geofence (a 外勤 day). Dates only; no positions or times leave this class.
 */
@ApplicationScoped
public class VillageDays {
    private static final String DAYS = """
            select account_id, day, bool_and(coalesce(not inside, false)) as outside
              from checkin
             where account_id = any($1) and village_code = $2 and day between $3 and $4 and task = any($5)
             group by account_id, day
            """;

    private final Pool pool;

    public VillageDays(Pool pool) {
        this.pool = pool;
    }

    /** account → (date → all outside) for check-ins of {@code tasks} in the village between two dates (inclusive). */
    public Uni<Map<Long, Map<LocalDate, Boolean>>> of(Collection<Long> accountIds, String villageCode, LocalDate from,
                                                      LocalDate to, Collection<CheckinTask> tasks) {
        if (accountIds.isEmpty() || tasks.isEmpty() || to.isBefore(from)) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(DAYS).execute(Tuple.of(accountIds.toArray(Long[]::new), villageCode, from, to,
                tasks.stream().map(Enum::name).toArray(String[]::new))).map(rows -> {
            Map<Long, Map<LocalDate, Boolean>> out = new HashMap<>();
            rows.forEach(r -> out.computeIfAbsent(r.getLong("account_id"), k -> new TreeMap<>())
                    .put(r.getLocalDate("day"), r.getBoolean("outside")));
            return out;
        });
    }
}
