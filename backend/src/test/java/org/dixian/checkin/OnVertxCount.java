package org.dixian.checkin;

import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Direct reads and writes of the check-in tables for assertions (rows written, the append-only trigger). */
final class OnVertxCount {
    private OnVertxCount() {
    }

    static long count(Pool pool, long accountId) {
        return query(pool, "select count(*) from checkin where account_id = $1", Tuple.of(accountId));
    }

    static long versions(Pool pool, String village) {
        return query(pool, "select count(*) from geofence where village_code = $1", Tuple.of(village));
    }

    static void exec(Pool pool, String sql, long id) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(sql).execute(Tuple.of(id)));
        } catch (Throwable e) {
            throw new RuntimeException(e);
        }
    }

    private static long query(Pool pool, String sql, Tuple args) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(sql).execute(args)
                    .map(rows -> rows.iterator().next().getLong(0)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
