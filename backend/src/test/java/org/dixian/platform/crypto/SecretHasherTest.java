package org.dixian.platform.crypto;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretHasherTest {

    @Test
    void verifiesTheRightSecretOnly() {
        String secret = SecretHasher.newSecret();
        String hash = SecretHasher.hash(secret);
        assertTrue(hash.startsWith("pbkdf2$"));
        assertFalse(hash.contains(secret));
        assertTrue(SecretHasher.verify(secret, hash));
        assertFalse(SecretHasher.verify(secret + "x", hash));
        assertFalse(SecretHasher.verify("", hash));
    }

    @Test
    void saltedSoEqualSecretsHashDifferently() {
        String a = SecretHasher.hash("demo-secret-change-me");
        String b = SecretHasher.hash("demo-secret-change-me");
        assertNotEquals(a, b);
        assertTrue(SecretHasher.verify("demo-secret-change-me", a));
        assertTrue(SecretHasher.verify("demo-secret-change-me", b));
    }

    @Test
    void foreignFormatsNeverVerify() {
        assertFalse(SecretHasher.verify("x", "plain-text"));
        assertFalse(SecretHasher.verify("x", "bcrypt$10$abc$def"));
    }

    @Test
    void newSecretsAreLongAndUrlSafe() {
        String s = SecretHasher.newSecret();
        assertTrue(s.matches("[A-Za-z0-9_-]{43}"), s);
        assertNotEquals(s, SecretHasher.newSecret());
    }
}
