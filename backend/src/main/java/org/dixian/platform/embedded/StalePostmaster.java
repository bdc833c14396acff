package org.dixian.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * After the JVM was killed with -9, its postgres child keeps running and the next start trips on
 * postmaster.pid. Stop such an orphan (only if it really is a postgres of this data directory) and
 * remove the stale lock.
 */
final class StalePostmaster {
    private StalePostmaster() {
    }

    static void clear(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (!lines.isEmpty()) {
            try {
                long pid = Long.parseLong(lines.get(0).trim());
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                if (handle.isPresent() && handle.get().isAlive() && isPostgres(handle.get())) {
                    handle.get().destroy();
                    handle.get().onExit().get(10, TimeUnit.SECONDS);
                }
            } catch (NumberFormatException ignored) {
                // unreadable lock file: treat as stale
            } catch (Exception e) {
                throw new IOException("无法停止遗留的 PostgreSQL 进程: " + e.getMessage(), e);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info().command().map(c -> c.contains("postgres")).orElse(true);
    }
}
