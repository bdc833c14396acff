package org.dixian.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/** Development keys generated once into the data directory; production takes its keys from configuration. */
public final class DevKeys {
    private DevKeys() {
    }

    public static synchronized Path jwtPrivateKey() {
        ensureJwtPair();
        return DataDir.get().resolve("keys/jwt-private.pem");
    }

    public static synchronized Path jwtPublicKey() {
        ensureJwtPair();
        return DataDir.get().resolve("keys/jwt-public.pem");
    }

    /** A 256-bit secret (base64) kept in the data directory, for field encryption and blind indexes. */
    public static synchronized String secret(String name) {
        Path file = DataDir.get().resolve("keys/" + name + ".key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ensureJwtPair() {
        Path dir = DataDir.get().resolve("keys");
        Path priv = dir.resolve("jwt-private.pem");
        Path pub = dir.resolve("jwt-public.pem");
        if (Files.exists(priv) && Files.exists(pub)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
