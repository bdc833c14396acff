package org.dixian.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts an embedded PostgreSQL and Redis once per JVM. Ports are kept in system properties because
 * Quarkus tests load this class in several class loaders, and each must find the servers already running.
 */
public final class EmbeddedServers {
    static final String PG_PORT = "dixian.embedded.pg-port";
    static final String REDIS_PORT = "dixian.embedded.redis-port";

    private EmbeddedServers() {
    }

    public static synchronized int postgresPort(boolean freshData) {
        String known = System.getProperty(PG_PORT);
        if (known != null) {
            return Integer.parseInt(known);
        }
        Path dir = DataDir.get().resolve("postgres");
        try {
            if (freshData) {
                deleteTree(dir);
            }
            Files.createDirectories(dir);
            StalePostmaster.clear(dir);
            int port = freePort();
            long started = System.nanoTime();
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(DataDir.get().resolve("pg-binaries").toFile())
                    .setPort(port)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg), "dixian-pg-stop"));
            System.setProperty(PG_PORT, Integer.toString(port));
            org.jboss.logging.Logger.getLogger(EmbeddedServers.class).infof(
                    "Embedded PostgreSQL on 127.0.0.1:%d (data %s) ready in %d ms", port, dir,
                    (System.nanoTime() - started) / 1_000_000);
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动内置 PostgreSQL: " + e.getMessage(), e);
        }
    }

    public static synchronized int redisPort(boolean freshData) {
        String known = System.getProperty(REDIS_PORT);
        if (known != null) {
            return Integer.parseInt(known);
        }
        Path dir = DataDir.get().resolve("redis");
        try {
            if (freshData) {
                deleteTree(dir);
            }
            Files.createDirectories(dir);
            int port = freePort();
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("appendonly yes")
                    .setting("save \"\"")
                    .build();
            long started = System.nanoTime();
            redis.start();
            org.jboss.logging.Logger.getLogger(EmbeddedServers.class).infof(
                    "Embedded Redis on 127.0.0.1:%d (data %s) ready in %d ms", port, dir,
                    (System.nanoTime() - started) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    redis.stop();
                } catch (IOException ignored) {
                    // the process is going away anyway
                }
            }, "dixian-redis-stop"));
            System.setProperty(REDIS_PORT, Integer.toString(port));
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动内置 Redis: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
