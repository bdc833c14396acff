package org.dixian.platform.idcard;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GB 11643-1999 resident ID numbers: structure, birth date, ISO 7064 MOD 11-2 check character, gender. */
class IdCardNumberTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void theStandardsExampleIsValid() {
        // The worked example of GB 11643-1999, appendix: 11010519491231002X.
        assertEquals('X', IdCardNumber.checkChar("11010519491231002"));
        IdCardNumber id = IdCardNumber.parse("11010519491231002x", TODAY);
        assertEquals("11010519491231002X", id.value());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(IdCardNumber.Gender.FEMALE, id.gender());
    }

    @Test
    void genderFollowsTheSequenceParity() {
        assertEquals(IdCardNumber.Gender.MALE, IdCardNumber.parse(IdCardNumber.of("410225", LocalDate.of(1980, 1, 1), 1), TODAY).gender());
        assertEquals(IdCardNumber.Gender.FEMALE, IdCardNumber.parse(IdCardNumber.of("410225", LocalDate.of(1980, 1, 1), 2), TODAY).gender());
    }

    @Test
    void everyKindOfMistakeIsNamedInChinese() {
        String valid = IdCardNumber.of("410225", LocalDate.of(1985, 6, 15), 123);
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        assertEquals("身份证号码校验位错误，请核对", IdCardNumber.problem(valid.substring(0, 17) + wrong, TODAY).orElseThrow());
        assertEquals("身份证号码应为 18 位（最后一位可为 X）", IdCardNumber.problem("41022519850615123", TODAY).orElseThrow());
        assertEquals("身份证号码应为 18 位（最后一位可为 X）", IdCardNumber.problem("41022519850615A234", TODAY).orElseThrow());
        assertEquals("身份证号码中的出生日期无效", IdCardNumber.problem(IdCardNumber.of("410225", LocalDate.of(1985, 2, 28), 1)
                .replace("19850228", "19850230"), TODAY).orElseThrow());
        assertEquals("身份证号码中的出生日期无效", IdCardNumber.problem(IdCardNumber.of("410225", LocalDate.of(2027, 1, 1), 1), TODAY).orElseThrow());
        assertEquals("请填写身份证号码", IdCardNumber.problem(" ", TODAY).orElseThrow());
        assertTrue(IdCardNumber.problem(" " + valid + " ", TODAY).isEmpty(), "spaces around are forgiven");
        assertThrows(IllegalArgumentException.class, () -> IdCardNumber.parse("123", TODAY));
    }
}
