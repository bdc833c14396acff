package org.dixian.platform.embedded;

import java.nio.file.Path;

/** Where Dixian keeps embedded database files, Redis data and generated development keys. */
public final class DataDir {
    private DataDir() {
    }

    /** System property {@code dixian.data-dir}, then {@code DIXIAN_DATA_DIR}, then {@code ./data}. */
    public static Path get() {
        String dir = System.getProperty("dixian.data-dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("DIXIAN_DATA_DIR");
        }
        if (dir == null || dir.isBlank()) {
            dir = "data";
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }
}
