package org.dixian.platform.crypto;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MaskingTest {

    @Test
    void name() {
        assertEquals("张*", Masking.name("张三"));
        assertEquals("王**", Masking.name(" 王小二 "));
        assertEquals("欧***", Masking.name("欧阳小明"));
        assertEquals("李*", Masking.name("李"));
        assertEquals(null, Masking.name(" "));
        assertEquals(null, Masking.name(null));
    }

    @Test
    void phone() {
        assertEquals("139****5678", Masking.phone("13912345678"));
        assertEquals("138****0004", Masking.phone("13800000004"));
        assertEquals("******", Masking.phone("123456"));
        assertNull(Masking.phone(null));
    }

    @Test
    void idCard() {
        assertEquals("410102********1234", Masking.idCard("410102199001011234"));
        assertEquals("410102********123X", Masking.idCard("41010219900101123X"));
        assertEquals("*********", Masking.idCard("123456789"));
        assertNull(Masking.idCard(null));
    }

    @Test
    void bankAccount() {
        assertEquals("****0123", Masking.bankAccount("6222021234567890123"));
        assertEquals("****12", Masking.bankAccount("12"));
        assertNull(Masking.bankAccount(null));
    }
}
