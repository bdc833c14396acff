package org.dixian.household;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetailCacheTest {
    private static Household view(long id) {
        return new Household(id, "410225101201000001", "410225101201", "任庄村", null, HouseholdCategory.GENERAL, null,
                null, null, List.of(), null, false, null, null, null, null, List.of(), List.of(), 0);
    }

    private static DetailCache cache(Duration ttl, Duration hot) {
        return new DetailCache(null, 100, ttl, hot);
    }

    @Test
    void keepsAViewUntilItsHouseholdChanges() {
        DetailCache c = cache(Duration.ofMinutes(1), Duration.ofMillis(1));
        Household v = view(7);
        c.put(7, v, System.nanoTime());
        assertSame(v, c.get(7));
        c.forget(7L);
        assertNull(c.get(7));
    }

    @Test
    void aViewLoadedBeforeAChangeIsNotKept() throws InterruptedException {
        DetailCache c = cache(Duration.ofMinutes(1), Duration.ofMillis(1));
        long loadedAt = System.nanoTime();
        Thread.sleep(2);
        c.forget(7L); // the change commits while the old row is on its way
        Thread.sleep(5); // and is no longer "hot" when the read finishes
        c.put(7, view(7), loadedAt);
        assertFalse(c.contains(7));
        c.put(7, view(7), System.nanoTime());
        assertTrue(c.contains(7));
    }

    @Test
    void aRecentlyChangedHouseholdIsNotCached() {
        DetailCache c = cache(Duration.ofMinutes(1), Duration.ofSeconds(30));
        c.forget(7L);
        c.put(7, view(7), System.nanoTime());
        assertFalse(c.contains(7), "within the hot period after a change nothing is kept");
        c.put(8, view(8), System.nanoTime());
        assertTrue(c.contains(8), "other households are not affected");
    }

    @Test
    void entriesExpire() throws InterruptedException {
        DetailCache c = cache(Duration.ofMillis(20), Duration.ofMillis(1));
        c.put(7, view(7), System.nanoTime());
        Thread.sleep(30);
        assertNull(c.get(7));
    }

    @Test
    void staysWithinItsSize() {
        DetailCache c = cache(Duration.ofMinutes(1), Duration.ofMillis(1));
        for (long id = 1; id <= 1000; id++) {
            c.put(id, view(id), System.nanoTime());
        }
        long kept = java.util.stream.LongStream.rangeClosed(1, 1000).filter(c::contains).count();
        assertTrue(kept <= 100, "kept " + kept);
        assertTrue(c.contains(1000));
    }
}
