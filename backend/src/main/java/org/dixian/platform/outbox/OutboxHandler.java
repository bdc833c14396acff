package org.dixian.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;

/**
 * Delivers the outbox messages of one topic; implement it as a CDI bean and the relay finds it. Delivery is at
 * least once: a message whose delivery was cut short (crash, lease expired) is delivered again, so a handler
 * should be idempotent or tolerate a rare duplicate. Fail the Uni to be retried later with backoff; fail it with
 * {@link PermanentFailure} when retrying cannot help.
 */
public interface OutboxHandler {

    /** The topic this handler delivers, e.g. {@code wechat.subscribe}; one handler per topic. */
    String topic();

    /**
     * Delivers one message. Runs on its own Vert.x duplicated context, so it may open a Hibernate Reactive
     * session (Panache.withTransaction); blocking work belongs on the worker pool.
     */
    Uni<Void> deliver(JsonNode payload);
}
