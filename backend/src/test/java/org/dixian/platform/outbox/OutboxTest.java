package org.dixian.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.testing.Fixtures;
import org.dixian.testing.OnVertx;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxTest {
    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EchoHandler echo;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;

    /** The message's row by its dedup key, or null. */
    private Row row(String key) {
        RowSet<Row> rows = pool.preparedQuery("select topic, payload::text as payload, attempts, next_attempt_at, "
                        + "delivered_at, failed_at, last_error from outbox where dedup_key = $1")
                .execute(Tuple.of(key)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private static Map<String, Object> message(String marker) {
        Map<String, Object> m = new HashMap<>();
        m.put("marker", marker);
        return m;
    }

    /** Enqueues in a transaction of its own; the key is "echo:" + marker. */
    private void enqueue(String topic, String marker, Map<String, Object> payload) {
        OnVertx.await(vertx, () -> Panache.withTransaction(() -> outbox.enqueue(topic, "echo:" + marker, payload)));
    }

    @Test
    void aMessageCommitsOrRollsBackWithTheCallersTransaction() {
        String m = Fixtures.marker();
        String key = "echo:" + m;
        // The caller's transaction fails after the message was written: nothing remains.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OnVertx.await(vertx,
                () -> Panache.withTransaction(() -> outbox.enqueue(EchoHandler.TOPIC, key, message(m))
                        .chain(() -> Panache.getSession())
                        .chain(s -> s.createNativeQuery("select count(*) from outbox where dedup_key = :k", Long.class)
                                .setParameter("k", key).getSingleResult())
                        .invoke(seen -> assertEquals(1L, seen, "visible inside the caller's transaction"))
                        .chain(seen -> Uni.createFrom().failure(new IllegalStateException("the change failed"))))));
        assertEquals("the change failed", e.getMessage());
        assertNull(row(key));

        // Committed with the caller: one row, pending; the same key again adds nothing.
        enqueue(EchoHandler.TOPIC, m, message(m));
        enqueue(EchoHandler.TOPIC, m, Map.of("marker", m, "second", true));
        Row r = row(key);
        assertNotNull(r);
        assertEquals(EchoHandler.TOPIC, r.getString("topic"));
        assertFalse(r.getString("payload").contains("second"));
        assertEquals(0, r.getInteger("attempts"));
        assertNull(r.getOffsetDateTime("delivered_at"));
        assertEquals(1L, pool.preparedQuery("select count(*) from outbox where dedup_key = $1").execute(Tuple.of(key))
                .await().indefinitely().iterator().next().getLong(0));
    }

    @Test
    void withoutATransactionTheMessageIsWrittenInOneOfItsOwn() {
        String m = Fixtures.marker();
        OnVertx.await(vertx, () -> outbox.enqueue(EchoHandler.TOPIC, "echo:" + m, message(m)));
        assertNotNull(row("echo:" + m));
    }

    @Test
    void theMessageIsNeitherEditedNorDeletedWhilePending() {
        String m = Fixtures.marker();
        enqueue(EchoHandler.TOPIC, m, message(m));
        assertThrows(Exception.class, () -> pool.preparedQuery("update outbox set payload = '{}' where dedup_key = $1")
                .execute(Tuple.of("echo:" + m)).await().indefinitely());
        assertThrows(Exception.class, () -> pool.preparedQuery("delete from outbox where dedup_key = $1")
                .execute(Tuple.of("echo:" + m)).await().indefinitely());
    }

    @Test
    void theRelayDeliversDueMessagesOnce() {
        String m = Fixtures.marker();
        enqueue(EchoHandler.TOPIC, m, message(m));
        int delivered = relay.runOnce().await().indefinitely();
        assertTrue(delivered >= 1);
        assertEquals(1, echo.deliveries(m));
        Row r = row("echo:" + m);
        assertNotNull(r.getOffsetDateTime("delivered_at"));
        assertEquals(1, r.getInteger("attempts"));
        relay.runAt(clock.instant().plus(Duration.ofDays(1))).await().indefinitely();
        assertEquals(1, echo.deliveries(m));
    }

    @Test
    void failedDeliveriesAreRetriedWithExponentialBackoff() {
        String m = Fixtures.marker();
        Map<String, Object> p = message(m);
        p.put("fail", 2);
        enqueue(EchoHandler.TOPIC, m, p);
        String key = "echo:" + m;

        Instant t0 = clock.instant();
        relay.runAt(t0).await().indefinitely();
        Row first = row(key);
        assertEquals(1, first.getInteger("attempts"));
        assertTrue(first.getString("last_error").contains("fake failure 1"), first.getString("last_error"));
        assertNull(first.getOffsetDateTime("delivered_at"));
        assertWithin(t0.plusSeconds(30), first.getOffsetDateTime("next_attempt_at"));

        // Not due yet: untouched.
        relay.runAt(t0.plusSeconds(20)).await().indefinitely();
        assertEquals(1, echo.attempts(m));

        Instant t1 = t0.plusSeconds(31);
        relay.runAt(t1).await().indefinitely();
        Row second = row(key);
        assertEquals(2, second.getInteger("attempts"));
        assertWithin(t1.plusSeconds(60), second.getOffsetDateTime("next_attempt_at"));
        assertTrue(second.getString("last_error").contains("fake failure 2"));

        relay.runAt(t1.plusSeconds(61)).await().indefinitely();
        Row third = row(key);
        assertEquals(3, third.getInteger("attempts"));
        assertNotNull(third.getOffsetDateTime("delivered_at"));
        assertEquals(1, echo.deliveries(m));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        assertEquals(Duration.ofSeconds(30), relay.backoff(1));
        assertEquals(Duration.ofSeconds(60), relay.backoff(2));
        assertEquals(Duration.ofMinutes(4), relay.backoff(4));
        assertEquals(Duration.ofHours(6), relay.backoff(12));
        assertEquals(Duration.ofHours(6), relay.backoff(1000));
    }

    @Test
    void aMessageIsGivenUpAfterTheLastAttempt() {
        String m = Fixtures.marker();
        Map<String, Object> p = message(m);
        p.put("fail", 1000);
        enqueue(EchoHandler.TOPIC, m, p);
        Instant t = clock.instant();
        for (int i = 0; i < 10; i++) {
            relay.runAt(t).await().indefinitely();
            t = t.plus(Duration.ofHours(7));
        }
        Row r = row("echo:" + m);
        assertEquals(10, r.getInteger("attempts"));
        assertNotNull(r.getOffsetDateTime("failed_at"));
        assertNull(r.getOffsetDateTime("delivered_at"));
        assertTrue(r.getString("last_error").contains("fake failure 10"));
        relay.runAt(t.plus(Duration.ofDays(30))).await().indefinitely();
        assertEquals(10, echo.attempts(m));
        assertEquals(10, row("echo:" + m).getInteger("attempts"));
    }

    @Test
    void anUndeliverableMessageIsGivenUpAtOnce() {
        String m = Fixtures.marker();
        Map<String, Object> p = message(m);
        p.put("permanent", true);
        enqueue(EchoHandler.TOPIC, m, p);
        relay.runOnce().await().indefinitely();
        Row r = row("echo:" + m);
        assertEquals(1, r.getInteger("attempts"));
        assertNotNull(r.getOffsetDateTime("failed_at"));
        assertTrue(r.getString("last_error").contains("undeliverable"));
        relay.runAt(clock.instant().plus(Duration.ofDays(1))).await().indefinitely();
        assertEquals(1, echo.attempts(m));
    }

    @Test
    void topicsWithoutAHandlerStayPendingAndAreNotClaimed() {
        String m = Fixtures.marker();
        enqueue("test.nobody", m, message(m));
        OffsetDateTime due = row("echo:" + m).getOffsetDateTime("next_attempt_at");
        assertFalse(relay.topics().contains("test.nobody"));
        relay.runAt(clock.instant().plus(Duration.ofDays(1))).await().indefinitely();
        Row r = row("echo:" + m);
        assertEquals(0, r.getInteger("attempts"));
        assertEquals(due.toInstant(), r.getOffsetDateTime("next_attempt_at").toInstant());
        assertNull(r.getOffsetDateTime("delivered_at"));
        assertNull(r.getOffsetDateTime("failed_at"));
    }

    @Test
    void concurrentRunsDeliverEveryMessageExactlyOnce() throws Exception {
        String batch = Fixtures.marker();
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            markers.add(batch + "-" + i);
        }
        OnVertx.await(vertx, () -> Panache.withTransaction(() -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (String m : markers) {
                Map<String, Object> p = message(m);
                p.put("delayMs", 3);
                all = all.chain(() -> outbox.enqueue(EchoHandler.TOPIC, "echo:" + m, p));
            }
            return all;
        }));
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(relay.runOnce().subscribeAsCompletionStage());
        }
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
        for (String m : markers) {
            assertEquals(1, echo.deliveries(m), m);
            assertEquals(1, echo.attempts(m), m);
        }
        long claimedOnce = pool.preparedQuery("select count(*) from outbox where dedup_key like $1 "
                        + "and attempts = 1 and delivered_at is not null")
                .execute(Tuple.of("echo:" + batch + "-%")).await().indefinitely().iterator().next().getLong(0);
        assertEquals(markers.size(), claimedOnce);
    }

    private static void assertWithin(Instant expected, OffsetDateTime actual) {
        Duration off = Duration.between(expected, actual.toInstant());
        assertTrue(!off.isNegative() && off.compareTo(Duration.ofSeconds(10)) < 0,
                () -> "expected about " + expected + ", was " + actual);
    }
}
