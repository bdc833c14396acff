package org.dixian.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Writes messages for later delivery by {@link OutboxRelay}. A message is written through the caller's Hibernate
 * Reactive session and transaction, so it commits or rolls back together with the state change that caused it:
 * a rolled-back change never sends anything, a committed one is never forgotten.
 */
@ApplicationScoped
public class Outbox {
    /** The payload parameter is text: a string bound where jsonb is expected would be stored as a JSON string. */
    private static final String INSERT = """
            insert into outbox (topic, dedup_key, payload, created_at, next_attempt_at)
            values (:topic, cast(:key as text), cast(cast(:payload as text) as jsonb), :now, :now)
            on conflict (dedup_key) do nothing
            """;

    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Adds a message to the caller's transaction (or to a transaction of its own in the caller's session when
     * there is none). The payload is written as JSON (Jackson); a non-null key makes the message unique: a
     * second message with the same key is dropped, so a retried operation does not send twice.
     */
    public Uni<Void> enqueue(String topic, String key, Object payload) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("outbox payload of " + topic + " is not JSON", e));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Panache.withTransaction joins the transaction of the session already open on this context.
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(INSERT)
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("payload", body)
                .setParameter("now", now)
                .executeUpdate())).replaceWithVoid();
    }
}
