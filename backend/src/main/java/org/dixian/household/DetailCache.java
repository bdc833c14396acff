package org.dixian.household;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Household detail views (already masked) kept in memory for a short time, so the registry's most frequent read
 * does not go to the database every time. Visibility is still decided per request from the cached household's
 * region (see {@link HouseholdService#get}); the access record is still written for every cadre read.
 *
 * <p>Freshness: every change of a household appends a household event, and {@link HouseholdEventRepository}
 * calls {@link #changed} for it, here and, through Redis, on every other backend instance. A household changed
 * within the last {@code dixian.household.detail-cache.hot} (5 s) is not cached at all, which covers the moment between the change and its commit
 * and a read that loaded the old row just before; every entry also expires after {@code dixian.household.
 * detail-cache.ttl}.
 */
@ApplicationScoped
public class DetailCache {
    private static final Logger LOG = Logger.getLogger(DetailCache.class);
    static final String CHANNEL = "dixian:household-changed";
    private static final int STRIPES = 4096;

    record Entry(Household view, long loadedAt) {
    }

    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
    /** Last change time (System.nanoTime) per stripe of household ids; 0 = never. */
    private final AtomicLongArray changedAt = new AtomicLongArray(STRIPES);
    private final ReactiveRedisDataSource redis;
    private final int maxEntries;
    private final long ttl;
    /** Longer than any transaction that changes a household takes between its event and its commit. */
    private final long hot;

    public DetailCache(ReactiveRedisDataSource redis,
                       @ConfigProperty(name = "dixian.household.detail-cache.size", defaultValue = "50000") int maxEntries,
                       @ConfigProperty(name = "dixian.household.detail-cache.ttl", defaultValue = "PT60S") Duration ttl,
                       @ConfigProperty(name = "dixian.household.detail-cache.hot", defaultValue = "PT5S") Duration hot) {
        this.redis = redis;
        this.maxEntries = maxEntries;
        this.ttl = ttl.toNanos();
        this.hot = hot.toNanos();
    }

    void listen(@Observes StartupEvent start) {
        if (maxEntries <= 0) {
            return;
        }
        redis.pubsub(Long.class).subscribe(CHANNEL, this::forget).subscribe().with(
                s -> LOG.debugf("Listening for household changes on %s", CHANNEL),
                e -> LOG.warnf(e, "Cannot listen for household changes; cached details expire after %s", Duration.ofNanos(ttl)));
    }

    /** The cached view, or null when absent, expired or recently changed. */
    Household get(long id) {
        Entry e = entries.get(id);
        if (e == null) {
            return null;
        }
        long now = System.nanoTime();
        if (now - e.loadedAt() > ttl || hot(id, now)) {
            entries.remove(id, e);
            return null;
        }
        return e.view();
    }

    /** Keeps a view loaded at {@code loadedAt}, unless the household changed since shortly before. */
    void put(long id, Household view, long loadedAt) {
        long at = changedAt.get(stripe(id));
        if (maxEntries <= 0 || hot(id, System.nanoTime()) || (at != 0 && at - loadedAt > 0)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            Iterator<Long> it = entries.keySet().iterator();
            for (int i = 0; i < maxEntries / 10 && it.hasNext(); i++) {
                it.next();
                it.remove();
            }
        }
        entries.put(id, new Entry(view, loadedAt));
    }

    /** A household changed (its event was appended): forget it here and on the other instances. */
    Uni<Void> changed(long id) {
        forget(id);
        if (maxEntries <= 0) {
            return Uni.createFrom().voidItem();
        }
        return redis.pubsub(Long.class).publish(CHANNEL, id)
                .onFailure().invoke(e -> LOG.warnf(e, "Cannot announce the change of household %d", id))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    void forget(Long id) {
        changedAt.set(stripe(id), System.nanoTime());
        entries.remove(id);
    }

    private boolean hot(long id, long now) {
        long at = changedAt.get(stripe(id));
        return at != 0 && now - at < hot;
    }

    private static int stripe(long id) {
        return (int) Math.floorMod(id, (long) STRIPES);
    }

    boolean contains(long id) {
        return entries.containsKey(id);
    }
}
