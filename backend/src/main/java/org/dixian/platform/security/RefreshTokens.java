package org.dixian.platform.security;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.errors.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opaque refresh tokens in Redis, rotated on every use. Each login starts a family; presenting a token
 * that was already used revokes its whole family (a stolen token is worth one use at most). Only a
 * hash of the token is stored.
 */
@ApplicationScoped
public class RefreshTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveSetCommands<String, String> sets;
    private final ReactiveKeyCommands<String> keys;
    private final Duration ttl;

    /** What a valid, now-consumed refresh token stood for. */
    public record Holder(String subject, String family) {
    }

    public RefreshTokens(ReactiveRedisDataSource redis, @ConfigProperty(name = "dixian.jwt.refresh-ttl") Duration ttl) {
        this.hashes = redis.hash(String.class);
        this.values = redis.value(String.class);
        this.sets = redis.set(String.class);
        this.keys = redis.key();
        this.ttl = ttl;
    }

    /** Starts a new family for the subject (an account id) and returns its first token. */
    public Uni<String> issue(String subject) {
        String family = UUID.randomUUID().toString();
        return values.set(familyKey(family), subject, new SetArgs().ex(ttl))
                .chain(() -> sets.sadd(subjectKey(subject), family))
                .chain(() -> keys.expire(subjectKey(subject), ttl))
                .chain(() -> mint(subject, family));
    }

    /** Consumes a token: returns its holder and a fresh token of the same family, or fails with 401. */
    public Uni<Map.Entry<Holder, String>> rotate(String token) {
        String key = tokenKey(token);
        return hashes.hgetall(key).chain(fields -> {
            if (fields == null || fields.isEmpty()) {
                return Uni.createFrom().failure(invalid());
            }
            Holder holder = new Holder(fields.get("sub"), fields.get("family"));
            return values.get(familyKey(holder.family())).chain(alive -> {
                if (alive == null) {
                    return Uni.createFrom().failure(invalid());
                }
                return hashes.hincrby(key, "used", 1).chain(used -> {
                    if (used > 1) {
                        // Reuse of a rotated token: someone else holds the family, end it.
                        return revokeFamily(holder.family()).chain(() -> Uni.createFrom().failure(invalid()));
                    }
                    return mint(holder.subject(), holder.family()).map(next -> Map.entry(holder, next));
                });
            });
        });
    }

    /** Ends the family the token belongs to (logout). Unknown tokens are ignored. */
    public Uni<Void> revoke(String token) {
        return hashes.hget(tokenKey(token), "family")
                .chain(family -> family == null ? Uni.createFrom().voidItem() : revokeFamily(family));
    }

    /** Ends every family of a subject at once (account disabled). */
    public Uni<Void> revokeAll(String subject) {
        return sets.smembers(subjectKey(subject)).chain(families -> {
            List<String> doomed = families.stream().map(RefreshTokens::familyKey).toList();
            Uni<Integer> del = doomed.isEmpty() ? Uni.createFrom().item(0)
                    : keys.del(doomed.toArray(String[]::new));
            return del.chain(() -> keys.del(subjectKey(subject))).replaceWithVoid();
        });
    }

    private Uni<Void> revokeFamily(String family) {
        return keys.del(familyKey(family)).replaceWithVoid();
    }

    private Uni<String> mint(String subject, String family) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String key = tokenKey(token);
        return hashes.hset(key, Map.of("sub", subject, "family", family, "used", "0"))
                .chain(() -> keys.expire(key, ttl))
                .replaceWith(token);
    }

    private static ApiException invalid() {
        return ApiException.unauthorized("登录已失效，请重新登录");
    }

    private static String tokenKey(String token) {
        return "rt:" + sha256(token);
    }

    private static String familyKey(String family) {
        return "rtf:" + family;
    }

    private static String subjectKey(String subject) {
        return "rts:" + subject;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
