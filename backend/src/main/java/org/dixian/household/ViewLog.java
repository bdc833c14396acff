package org.dixian.household;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.Scope;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes the VIEW records of household detail reads with group commit: every read waits until its record is
 * stored, but the records of reads arriving together go into one multi-row INSERT. While one batch is being
 * written the next one gathers, so under load a single statement carries hundreds of records, and a lone read
 * still waits only for its own insert. The detail is answered only after its record is committed: a read that
 * cannot be logged fails instead.
 */
@ApplicationScoped
public class ViewLog {
    /** Upper bound of records per statement. */
    static final int MAX_BATCH = 1000;
    private static final String INSERT = """
            insert into household_access (household_id, kind, actor_id, actor_role, actor_region, at)
            select h, 'VIEW', a, r, g, t
              from unnest($1::bigint[], $2::bigint[], $3::text[], $4::char(12)[], $5::timestamptz[]) as x(h, a, r, g, t)
            """;

    private record Pending(long householdId, Long actorId, String role, String region, OffsetDateTime at,
                           Context context, io.smallrye.mutiny.subscription.UniEmitter<? super Void> done) {
    }

    private final Pool pool;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    public ViewLog(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Completes once the caller's view of the household is stored. */
    public Uni<Void> record(long householdId, Scope viewer) {
        return Uni.createFrom().emitter(done -> {
            queue.add(new Pending(householdId, viewer.actorId(), viewer.role().name(), viewer.regionCode(),
                    OffsetDateTime.now(clock), Vertx.currentContext(), done));
            drain();
        });
    }

    private void drain() {
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        for (Pending p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        int n = batch.size();
        if (n == 0) {
            writing.set(false);
            return;
        }
        Long[] households = new Long[n];
        Long[] actors = new Long[n];
        String[] roles = new String[n];
        String[] regions = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Pending p = batch.get(i);
            households[i] = p.householdId();
            actors[i] = p.actorId();
            roles[i] = p.role();
            regions[i] = p.region();
            times[i] = p.at();
        }
        pool.preparedQuery(INSERT).execute(Tuple.of(households, actors, roles, regions, times)).subscribe().with(
                ok -> finish(batch, null), failure -> finish(batch, failure));
    }

    private void finish(List<Pending> batch, Throwable failure) {
        writing.set(false);
        drain();
        for (Pending p : batch) {
            Runnable complete = failure == null ? () -> p.done().complete(null) : () -> p.done().fail(failure);
            if (p.context() != null) {
                p.context().runOnContext(v -> complete.run());
            } else {
                complete.run();
            }
        }
    }
}
