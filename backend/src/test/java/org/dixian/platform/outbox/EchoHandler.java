package org.dixian.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test handler for topic {@value #TOPIC}. The payload says how it behaves: {@code marker} names the message,
 * {@code fail} how many attempts fail first, {@code permanent} fails it as undeliverable, {@code delayMs} makes
 * a delivery take a while. It counts attempts and deliveries per marker.
 */
@Singleton
public class EchoHandler implements OutboxHandler {
    static final String TOPIC = "test.echo";

    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Uni<Void> deliver(JsonNode payload) {
        String marker = payload.path("marker").asText();
        int attempt = attempts.computeIfAbsent(marker, k -> new AtomicInteger()).incrementAndGet();
        if (payload.path("permanent").asBoolean()) {
            throw new PermanentFailure("undeliverable " + marker);
        }
        if (attempt <= payload.path("fail").asInt()) {
            return Uni.createFrom().failure(new IllegalStateException("fake failure " + attempt));
        }
        int delay = payload.path("delayMs").asInt();
        Uni<Void> done = Uni.createFrom().voidItem();
        if (delay > 0) {
            done = done.onItem().delayIt().by(Duration.ofMillis(delay));
        }
        return done.invoke(() -> deliveries.computeIfAbsent(marker, k -> new AtomicInteger()).incrementAndGet());
    }

    public int attempts(String marker) {
        AtomicInteger n = attempts.get(marker);
        return n == null ? 0 : n.get();
    }

    public int deliveries(String marker) {
        AtomicInteger n = deliveries.get(marker);
        return n == null ? 0 : n.get();
    }
}
