package org.dixian.platform.crypto;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlindIndexTest {
    private static String randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private final String key = randomKey();
    private final BlindIndex index = new BlindIndex(key);

    @Test
    void stableForTheSameValueAndKey() {
        assertEquals(index.of("phone", "13912345678"), index.of("phone", "13912345678"));
        assertEquals(index.of("phone", "13912345678"), new BlindIndex(key).of("phone", "13912345678"));
        assertTrue(index.of("phone", "13912345678").matches("[0-9a-f]{64}"));
        assertFalse(index.of("phone", "13912345678").contains("13912345678"));
    }

    @Test
    void differentValuesKindsAndKeysDiffer() {
        assertNotEquals(index.of("phone", "13912345678"), index.of("phone", "13912345679"));
        assertNotEquals(index.of("phone", "13912345678"), index.of("idcard", "13912345678"));
        assertNotEquals(index.of("phone", "13912345678"), new BlindIndex(randomKey()).of("phone", "13912345678"));
    }

    @Test
    void normalisesSpacesHyphensAndCase() {
        String plain = index.of("idcard", "41010219900101123X");
        assertEquals(plain, index.of("idcard", "410102 19900101 123x"));
        assertEquals(plain, index.of("idcard", "410102-19900101-123X"));
        assertEquals(plain, index.of("idcard", " 41010219900101123x\t"));
        assertEquals(index.of("phone", "13912345678"), index.of("phone", "139-1234-5678"));
    }

    @Test
    void nullStaysNull() {
        assertNull(index.of("phone", null));
    }
}
