package org.dixian.platform.embedded;

import io.quarkus.runtime.LaunchMode;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Zero-configuration defaults, below application.properties (ordinal 150): with no DIXIAN_* environment
 * variables it starts an embedded PostgreSQL and Redis on first runtime lookup; with them it points
 * Quarkus at the external servers and starts nothing. In non-production runs it also supplies JWT keys
 * and field-encryption secrets generated into the data directory.
 */
public class DefaultsConfigSource implements ConfigSource {
    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String DB_USER = "quarkus.datasource.username";
    static final String DB_PASSWORD = "quarkus.datasource.password";
    static final String REDIS_HOSTS = "quarkus.redis.hosts";
    static final String JWT_PUBLIC = "mp.jwt.verify.publickey.location";
    static final String JWT_PRIVATE = "smallrye.jwt.sign.key.location";
    static final String FIELD_KEY = "dixian.crypto.field-key";
    static final String INDEX_KEY = "dixian.crypto.index-key";

    private static final Set<String> NAMES = Set.of(REACTIVE_URL, JDBC_URL, DB_USER, DB_PASSWORD, REDIS_HOSTS,
            JWT_PUBLIC, JWT_PRIVATE, FIELD_KEY, INDEX_KEY);

    private final Map<String, String> env;

    public DefaultsConfigSource() {
        this(System.getenv());
    }

    DefaultsConfigSource(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Set<String> getPropertyNames() {
        return NAMES;
    }

    @Override
    public int getOrdinal() {
        return 150;
    }

    @Override
    public String getName() {
        return "dixian-defaults";
    }

    @Override
    public String getValue(String name) {
        // JWT key locations are answered at build time too: they start nothing, and without them the
        // smallrye-jwt dev service installs an in-memory key pair that verifies with one key and signs with another.
        if (!NAMES.contains(name) || (isBuildTime() && !name.equals(JWT_PUBLIC) && !name.equals(JWT_PRIVATE))) {
            return null;
        }
        return switch (name) {
            case REACTIVE_URL -> external("DIXIAN_DB_URL") != null
                    ? "postgresql://" + hostAndDb(external("DIXIAN_DB_URL"))
                    : "postgresql://127.0.0.1:" + EmbeddedServers.postgresPort(freshData()) + "/postgres";
            case JDBC_URL -> external("DIXIAN_DB_URL") != null
                    ? "jdbc:postgresql://" + hostAndDb(external("DIXIAN_DB_URL"))
                    : "jdbc:postgresql://127.0.0.1:" + EmbeddedServers.postgresPort(freshData()) + "/postgres";
            case DB_USER -> external("DIXIAN_DB_URL") != null ? external("DIXIAN_DB_USER") : "postgres";
            case DB_PASSWORD -> external("DIXIAN_DB_URL") != null ? external("DIXIAN_DB_PASSWORD") : null;
            case REDIS_HOSTS -> external("DIXIAN_REDIS_URL") != null
                    ? external("DIXIAN_REDIS_URL")
                    : "redis://127.0.0.1:" + EmbeddedServers.redisPort(freshData());
            case JWT_PUBLIC -> devKeysAllowed() ? DevKeys.jwtPublicKey().toUri().toString() : null;
            case JWT_PRIVATE -> devKeysAllowed() ? DevKeys.jwtPrivateKey().toUri().toString() : null;
            case FIELD_KEY -> devKeysAllowed() ? DevKeys.secret("field") : null;
            case INDEX_KEY -> devKeysAllowed() ? DevKeys.secret("index") : null;
            default -> null;
        };
    }

    private String external(String var) {
        String v = env.get(var);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * Accepts {@code postgresql://host:port/db}, {@code postgres://…}, {@code jdbc:postgresql://…} or
     * {@code host:port/db}; credentials go in DIXIAN_DB_USER / DIXIAN_DB_PASSWORD.
     */
    static String hostAndDb(String url) {
        String u = url.replaceFirst("^jdbc:", "").replaceFirst("^vertx-reactive:", "");
        if (!u.contains("://")) {
            u = "postgresql://" + u;
        }
        URI uri = URI.create(u);
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/postgres" : uri.getPath();
        return uri.getHost() + ":" + port + path + (uri.getQuery() != null ? "?" + uri.getQuery() : "");
    }

    /** Tests start from empty embedded servers; every other run keeps its data across restarts. */
    private static boolean freshData() {
        return LaunchMode.current() == LaunchMode.TEST;
    }

    /** Generated keys are for development and tests; production must configure its own. */
    static boolean devKeysAllowed() {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return true;
        }
        String profile = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        return profile != null && (profile.contains("dev") || profile.contains("test"));
    }

    /**
     * Quarkus reads configuration while building the application (the augmentor reads every property, and
     * build steps run in the builder's BuildContext, also inside the test JVM before the tests start):
     * never start servers then.
     */
    private static boolean isBuildTime() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f ->
                f.getClassName().equals("io.quarkus.builder.BuildContext")
                        || f.getClassName().equals("io.quarkus.deployment.QuarkusAugmentor")));
    }
}
