package org.dixian.media;

import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.embedded.DataDir;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Photo files on disk, content-addressed: {@code <dir>/<first two hex digits>/<sha-256>}. The same bytes are kept
 * once, and a file is written completely (synced, then renamed into place) before any row points at it. Every
 * method here blocks: callers run it on the worker pool.
 */
@ApplicationScoped
public class MediaStore {
    private static final int CHUNK = 64 * 1024;

    private final Path dir;

    public MediaStore(@ConfigProperty(name = "dixian.media.dir") Optional<String> dir) {
        this.dir = dir.filter(d -> !d.isBlank()).map(Path::of).orElseGet(() -> DataDir.get().resolve("media"))
                .toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    /** Copies the file into the store (unless the same bytes are there already) and returns its SHA-256. */
    String put(Path source) {
        try {
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, "upload-", ".part");
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(source);
                     FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
                    byte[] buf = new byte[CHUNK];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        sha.update(buf, 0, n);
                        ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                        while (b.hasRemaining()) {
                            out.write(b);
                        }
                    }
                    out.force(true);
                }
                String hash = HexFormat.of().formatHex(sha.digest());
                Path target = path(hash);
                if (Files.exists(target) && Files.size(target) == Files.size(part)) {
                    return hash;
                }
                Files.createDirectories(target.getParent());
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return hash;
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored bytes, or empty when the file is missing. */
    Optional<byte[]> read(String sha256) {
        try {
            return Optional.of(Files.readAllBytes(path(sha256)));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return dir.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
