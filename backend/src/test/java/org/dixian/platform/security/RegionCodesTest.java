package org.dixian.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionCodesTest {

    @ParameterizedTest
    @CsvSource({
            "410000000000, 1, 41",
            "410200000000, 2, 4102",
            "410225000000, 3, 410225",
            "410225101000, 4, 410225101",
            "410225101201, 5, 410225101201",
            "410102001001, 5, 410102001001",
            "110101001000, 4, 110101001"})
    void levelAndPrefix(String code, int level, String prefix) {
        assertEquals(level, RegionCodes.level(code));
        assertEquals(prefix, RegionCodes.prefix(code));
    }

    @ParameterizedTest
    @CsvSource({
            "410225101201, 410225101000",
            "410225101000, 410225000000",
            "410225000000, 410200000000",
            "410200000000, 410000000000"})
    void parent(String code, String parent) {
        assertEquals(parent, RegionCodes.parent(code));
    }

    @Test
    void provinceHasNoParent() {
        assertNull(RegionCodes.parent("410000000000"));
    }

    @Test
    void ancestorAt() {
        String village = "410225101201";
        assertEquals("410000000000", RegionCodes.ancestorAt(village, 1));
        assertEquals("410200000000", RegionCodes.ancestorAt(village, 2));
        assertEquals("410225000000", RegionCodes.ancestorAt(village, 3));
        assertEquals("410225101000", RegionCodes.ancestorAt(village, 4));
        assertEquals(village, RegionCodes.ancestorAt(village, 5));
    }

    @Test
    void covers() {
        assertTrue(RegionCodes.covers("410225101000", "410225101201"));
        assertTrue(RegionCodes.covers("410225101000", "410225101000"), "a region covers itself");
        assertTrue(RegionCodes.covers("410000000000", "410225101201"));
        assertFalse(RegionCodes.covers("410225101201", "410225101000"), "a child does not cover its parent");
        assertFalse(RegionCodes.covers("410225101000", "410225102201"), "sibling township");
        assertFalse(RegionCodes.covers("410102000000", "410225101201"), "other county");
        // the prefix is the significant digits only: 4102 (开封) must not cover 410225 wrongly nor 41021…
        assertTrue(RegionCodes.covers("410200000000", "410225000000"));
        assertFalse(RegionCodes.covers("410200000000", "410100000000"));
        assertFalse(RegionCodes.covers(null, "410225101201"));
        assertFalse(RegionCodes.covers("410225101000", null));
    }

    @Test
    void villageCodeWithZerosInTheMiddleIsStillAVillage() {
        // 410225101001 ends in 001: only an all-zero tail lowers the level.
        assertEquals(5, RegionCodes.level("410225101001"));
        assertEquals("410225101000", RegionCodes.parent("410225101001"));
        assertEquals(4, RegionCodes.level("410225100000"), "township 100 of 兰考县");
    }

    @ParameterizedTest
    @ValueSource(strings = {"410225101201", "410000000000", "110101001001"})
    void valid(String code) {
        assertTrue(RegionCodes.isValid(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"41022", "abc", "4102251012010", "41022510120a", "000000000000", "001234567890", " 41022510120", ""})
    void invalid(String code) {
        assertFalse(RegionCodes.isValid(code));
    }

    @Test
    void nullIsInvalid() {
        assertFalse(RegionCodes.isValid(null));
    }

    @Test
    void pad() {
        assertEquals("410225000000", RegionCodes.pad("410225"));
    }

    @Test
    void pathRunsFromTheProvinceToTheRegionItself() {
        assertEquals(java.util.List.of("410000000000", "410200000000", "410225000000", "410225101000", "410225101201"),
                RegionCodes.path("410225101201"));
        assertEquals(java.util.List.of("410000000000"), RegionCodes.path("410000000000"));
    }
}
