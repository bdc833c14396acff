package org.dixian.platform.idempotency;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.errors.ApiException;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes a create request safe to retry: the first request with a key runs, later ones with the same key
 * get the same record. Redis holds key → record id for a day; each feature also stores the key in a
 * unique column, the last word when Redis has forgotten.
 */
@ApplicationScoped
public class Idempotency {
    private static final Duration TTL = Duration.ofHours(24);
    private static final String PENDING = "pending";

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;

    public Idempotency(ReactiveRedisDataSource redis) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.keys = redis.key();
    }

    /** What a create returns: the new record's id (remembered for retries) and its view. */
    public record Created<T>(long id, T value) {
    }

    /**
     * Runs {@code create} (which returns the new record's id) once per (namespace, key); a retry loads the
     * record by id with {@code load}. Without a key, simply creates.
     */
    public <T> Uni<T> once(String namespace, String key, Supplier<Uni<Long>> create, Function<Long, Uni<T>> load) {
        return onceCreated(namespace, key, () -> create.get().chain(id -> load.apply(id).map(v -> new Created<>(id, v))), load);
    }

    /** As {@link #once}, for a create that already has the view of what it made: only a retry loads. */
    public <T> Uni<T> onceCreated(String namespace, String key, Supplier<Uni<Created<T>>> create, Function<Long, Uni<T>> load) {
        if (key == null || key.isBlank()) {
            return create.get().map(Created::value);
        }
        if (key.length() < 8 || key.length() > 64) {
            return Uni.createFrom().failure(ApiException.invalid("Idempotency-Key", "幂等键长度应为 8 到 64 个字符"));
        }
        String redisKey = "idem:" + namespace + ":" + key;
        // SET NX EX claims the key and sets its lifetime in one round trip (SET NX GET would need Redis 7).
        return redis.execute("SET", redisKey, PENDING, "NX", "EX", Long.toString(TTL.toSeconds()))
                .map(reply -> reply != null).chain(won -> {
            if (won) {
                return create.get()
                        .onFailure().call(() -> keys.del(redisKey))
                        .call(c -> values.set(redisKey, Long.toString(c.id()), new SetArgs().ex(TTL)))
                        .map(Created::value);
            }
            return values.get(redisKey).chain(previous -> {
                if (previous == null || PENDING.equals(previous)) {
                    return Uni.createFrom().failure(ApiException.conflict("相同的请求正在处理中，请稍后再试"));
                }
                return load.apply(Long.parseLong(previous));
            });
        });
    }
}
