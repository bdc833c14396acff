package org.dixian.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * Delivers outbox messages to their topic's {@link OutboxHandler}. Each batch is claimed by one statement that
 * picks due messages with {@code FOR UPDATE SKIP LOCKED}, counts the attempt and moves the next attempt a lease
 * ahead, and commits at once: another relay (this instance or any other) skips the locked rows while the claim
 * runs and finds them not due afterwards, so a message is delivered by one relay at a time. After the attempt
 * the message is marked delivered, or retried later with exponential backoff, or given up (attempts exhausted,
 * or the handler said it is undeliverable). A relay that dies mid-delivery leaves the message to be claimed again
 * when the lease ends: delivery is at least once. Topics without a handler here are never claimed.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** A run stops after this many full batches even if more is due, so one run never goes on for ever. */
    private static final int MAX_BATCHES_PER_RUN = 20;
    private static final int MAX_ERROR_LENGTH = 1000;

    private static final String CLAIM = """
            update outbox o set attempts = o.attempts + 1, next_attempt_at = $3
             where o.id in (select p.id from outbox p
                             where p.topic = any($1) and p.delivered_at is null and p.failed_at is null
                               and p.next_attempt_at <= $2
                             order by p.next_attempt_at, p.id
                             limit $4
                             for update skip locked)
            returning o.id, o.topic, o.payload::text as payload, o.attempts
            """;
    private static final String DELIVERED = "update outbox set delivered_at = $2 where id = $1";
    private static final String RETRY = "update outbox set next_attempt_at = $2, last_error = $3 where id = $1";
    private static final String GIVE_UP = "update outbox set failed_at = $2, last_error = $3 where id = $1";

    private record Claimed(long id, String topic, String payload, int attempts) {
    }

    private final Pool pool;
    private final Map<String, OutboxHandler> handlers = new TreeMap<>();
    private final ObjectMapper json;
    private final Clock clock;
    private final Vertx vertx;
    private final int batchSize;
    private final int concurrency;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Duration lease;

    public OutboxRelay(Pool pool, Instance<OutboxHandler> handlers, ObjectMapper json, Clock clock, Vertx vertx,
                       @ConfigProperty(name = "dixian.outbox.batch-size", defaultValue = "50") int batchSize,
                       @ConfigProperty(name = "dixian.outbox.concurrency", defaultValue = "4") int concurrency,
                       @ConfigProperty(name = "dixian.outbox.max-attempts", defaultValue = "10") int maxAttempts,
                       @ConfigProperty(name = "dixian.outbox.backoff", defaultValue = "PT30S") Duration backoff,
                       @ConfigProperty(name = "dixian.outbox.max-backoff", defaultValue = "PT6H") Duration maxBackoff,
                       @ConfigProperty(name = "dixian.outbox.lease", defaultValue = "PT5M") Duration lease) {
        this.pool = pool;
        for (OutboxHandler h : handlers) {
            OutboxHandler other = this.handlers.put(h.topic(), h);
            if (other != null) {
                throw new IllegalStateException("two outbox handlers for topic " + h.topic() + ": "
                        + other.getClass().getName() + " and " + h.getClass().getName());
            }
        }
        this.json = json;
        this.clock = clock;
        this.vertx = vertx;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.lease = lease;
    }

    @Scheduled(identity = "outbox-relay", every = "${dixian.outbox.relay-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runOnce()
                .onFailure().invoke(e -> LOG.warn("outbox relay run failed; the next run tries again", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** The topics this relay delivers (those with a handler). */
    public List<String> topics() {
        return List.copyOf(handlers.keySet());
    }

    /** One relay run now: delivers what is due, batch after batch; answers how many messages were delivered. */
    public Uni<Integer> runOnce() {
        return runAt(clock.instant());
    }

    /**
     * One relay run as if the clock showed {@code now} (tests use it to let backoff pass). Times written during
     * the run keep the offset between {@code now} and the clock.
     */
    public Uni<Integer> runAt(Instant now) {
        if (handlers.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Duration shift = Duration.between(clock.instant(), now);
        return batches(shift, 0, 0);
    }

    private Uni<Integer> batches(Duration shift, int batch, int delivered) {
        Instant now = clock.instant().plus(shift);
        return claim(now).chain(rows -> deliverAll(rows, shift).chain(n -> rows.size() == batchSize
                && batch + 1 < MAX_BATCHES_PER_RUN
                ? batches(shift, batch + 1, delivered + n)
                : Uni.createFrom().item(delivered + n)));
    }

    private Uni<List<Claimed>> claim(Instant now) {
        Tuple args = Tuple.of(handlers.keySet().toArray(String[]::new), at(now), at(now.plus(lease)), batchSize);
        return pool.preparedQuery(CLAIM).execute(args).map(rows -> {
            List<Claimed> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Claimed(r.getLong("id"), r.getString("topic"), r.getString("payload"), r.getInteger("attempts")));
            }
            return out;
        });
    }

    private Uni<Integer> deliverAll(List<Claimed> rows, Duration shift) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUni(row -> deliver(row, shift)).merge(concurrency)
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    /** Delivers one claimed message and records the outcome; true when delivered. */
    private Uni<Boolean> deliver(Claimed row, Duration shift) {
        OutboxHandler handler = handlers.get(row.topic());
        Duration timeout = lease.dividedBy(2);
        Uni<Void> attempt = Uni.createFrom().deferred(() -> handler.deliver(parse(row)))
                .runSubscriptionOn(freshContext())
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout));
        return attempt.onItemOrFailure().transformToUni((ok, error) -> {
            Instant now = clock.instant().plus(shift);
            Uni<Boolean> recorded = error == null ? delivered(row, now) : failed(row, error, now);
            // The outcome could not be written: the lease runs out and the message is delivered again.
            return recorded.onFailure().recoverWithItem(e -> {
                LOG.warnf(e, "outbox message %d (%s): could not record the outcome", row.id(), row.topic());
                return error == null;
            });
        });
    }

    private JsonNode parse(Claimed row) {
        try {
            return json.readTree(row.payload());
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("payload is not JSON", e);
        }
    }

    private Uni<Boolean> delivered(Claimed row, Instant now) {
        return pool.preparedQuery(DELIVERED).execute(Tuple.of(row.id(), at(now))).replaceWith(true);
    }

    private Uni<Boolean> failed(Claimed row, Throwable error, Instant now) {
        String message = describe(error);
        if (error instanceof PermanentFailure || row.attempts() >= maxAttempts) {
            LOG.warnf("outbox message %d (%s) given up after %d attempt(s): %s", row.id(), row.topic(), row.attempts(), message);
            return pool.preparedQuery(GIVE_UP).execute(Tuple.of(row.id(), at(now), message)).replaceWith(false);
        }
        Duration wait = backoff(row.attempts());
        LOG.infof("outbox message %d (%s) attempt %d failed, next in %s: %s", row.id(), row.topic(), row.attempts(), wait, message);
        return pool.preparedQuery(RETRY).execute(Tuple.of(row.id(), at(now.plus(wait)), message)).replaceWith(false);
    }

    /** The wait after the n-th failed attempt: backoff, doubled each time, at most max-backoff. */
    public Duration backoff(int attempts) {
        Duration wait = backoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** Each delivery on a new duplicated context, marked safe, so that a handler may open its own reactive session. */
    private Executor freshContext() {
        Context ctx = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(ctx, true);
        return command -> ctx.runOnContext(v -> command.run());
    }

    private static String describe(Throwable error) {
        String text = error.getMessage() == null ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
