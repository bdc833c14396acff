package org.dixian.platform.crypto;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FieldCipherTest {
    private static String randomKey(int bytes) {
        byte[] k = new byte[bytes];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private final FieldCipher cipher = new FieldCipher(randomKey(32));

    @Test
    void roundTrip() {
        for (String plain : new String[] {"13912345678", "410102199001011234", "赵大山", ""}) {
            String stored = cipher.encrypt(plain);
            assertFalse(stored.contains(plain.isEmpty() ? "\u0000" : plain), "not stored in clear");
            assertEquals(plain, cipher.decrypt(stored));
        }
        assertNull(cipher.encrypt(null));
        assertNull(cipher.decrypt(null));
    }

    @Test
    void randomIvMakesEveryEncryptionDifferent() {
        String a = cipher.encrypt("13912345678");
        String b = cipher.encrypt("13912345678");
        assertNotEquals(a, b);
        assertEquals(cipher.decrypt(a), cipher.decrypt(b));
    }

    @Test
    void tamperingIsDetected() {
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt("13912345678"));
        for (int i : new int[] {0, 12, raw.length - 1}) {
            byte[] copy = raw.clone();
            copy[i] ^= 0x01;
            String tampered = Base64.getEncoder().encodeToString(copy);
            assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered), "byte " + i);
        }
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String stored = cipher.encrypt("13912345678");
        FieldCipher other = new FieldCipher(randomKey(32));
        assertThrows(IllegalStateException.class, () -> other.decrypt(stored));
    }

    @Test
    void keyMustBe256Bits() {
        assertThrows(IllegalStateException.class, () -> new FieldCipher(randomKey(16)));
    }
}
