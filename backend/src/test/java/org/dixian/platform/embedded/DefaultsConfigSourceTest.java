package org.dixian.platform.embedded;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** External servers through DIXIAN_* variables: nothing embedded starts, URLs are derived for both drivers. */
class DefaultsConfigSourceTest {
    @Test
    void externalPostgresUrlInAnyCommonForm() {
        assertEquals("db.example:5433/dixian", DefaultsConfigSource.hostAndDb("postgresql://db.example:5433/dixian"));
        assertEquals("db.example:5432/dixian", DefaultsConfigSource.hostAndDb("jdbc:postgresql://db.example/dixian"));
        assertEquals("db:5432/postgres", DefaultsConfigSource.hostAndDb("db"));
        assertEquals("db:6000/x?sslmode=require", DefaultsConfigSource.hostAndDb("postgres://db:6000/x?sslmode=require"));
    }

    @Test
    void environmentVariablesWinAndStartNothing() {
        DefaultsConfigSource source = new DefaultsConfigSource(Map.of(
                "DIXIAN_DB_URL", "postgresql://pg.internal:5432/dixian",
                "DIXIAN_DB_USER", "dixian",
                "DIXIAN_DB_PASSWORD", "s3cret",
                "DIXIAN_REDIS_URL", "redis://redis.internal:6379"));
        assertEquals("postgresql://pg.internal:5432/dixian", source.getValue("quarkus.datasource.reactive.url"));
        assertEquals("jdbc:postgresql://pg.internal:5432/dixian", source.getValue("quarkus.datasource.jdbc.url"));
        assertEquals("dixian", source.getValue("quarkus.datasource.username"));
        assertEquals("s3cret", source.getValue("quarkus.datasource.password"));
        assertEquals("redis://redis.internal:6379", source.getValue("quarkus.redis.hosts"));
        assertNull(source.getValue("unrelated.property"));
    }
}
