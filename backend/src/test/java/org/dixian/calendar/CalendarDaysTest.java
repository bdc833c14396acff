package org.dixian.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarDaysTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** The 2026 Spring Festival of the State Council's notice: 2-15 to 2-23 off, Saturdays 2-14 and 2-28 worked. */
    private static final CalendarDays SPRING_2026 = spring2026();

    private static CalendarDays spring2026() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (LocalDate x = d("2026-02-15"); !x.isAfter(d("2026-02-23")); x = x.plusDays(1)) {
            days.put(x, false);
        }
        days.put(d("2026-02-14"), true);
        days.put(d("2026-02-28"), true);
        return new CalendarDays(days, Set.of(2026));
    }

    @Test
    void weekdaysWorkWeekendsRestUnlessListed() {
        assertTrue(SPRING_2026.isWorkingDay(d("2026-02-13")), "Friday");
        assertTrue(SPRING_2026.isWorkingDay(d("2026-02-14")), "Saturday made a working day");
        assertFalse(SPRING_2026.isWorkingDay(d("2026-02-16")), "Monday of the holiday");
        assertFalse(SPRING_2026.isWorkingDay(d("2026-03-01")), "an ordinary Sunday");
        assertTrue(SPRING_2026.isWorkingDay(d("2026-02-28")), "Saturday made a working day");
    }

    @Test
    void deadlinesCountWorkingDaysOnly() {
        LocalDate friday = d("2026-02-13");
        assertEquals(friday, SPRING_2026.addWorkingDays(friday, 0));
        assertEquals(d("2026-02-14"), SPRING_2026.addWorkingDays(friday, 1), "the 调休 Saturday counts");
        assertEquals(d("2026-02-24"), SPRING_2026.addWorkingDays(friday, 2), "then the holiday is skipped");
        // Five working days from the 调休 Saturday: the holiday week is skipped, the next 调休 Saturday is the fifth.
        assertEquals(d("2026-02-28"), SPRING_2026.addWorkingDays(d("2026-02-14"), 5));
        assertEquals(d("2026-03-02"), SPRING_2026.addWorkingDays(d("2026-02-14"), 6), "Sunday 3-1 is skipped");
        assertThrows(IllegalArgumentException.class, () -> SPRING_2026.addWorkingDays(friday, -1));
    }

    @Test
    void workingDaysBetweenIsTheInverseOfAdding() {
        LocalDate from = d("2026-02-10");
        for (int n = 0; n < 30; n++) {
            LocalDate to = SPRING_2026.addWorkingDays(from, n);
            assertEquals(n, SPRING_2026.workingDaysBetween(from, to), "n = " + n);
            assertEquals(-n, SPRING_2026.workingDaysBetween(to, from), "n = " + n);
        }
        assertEquals(0, SPRING_2026.workingDaysBetween(d("2026-02-14"), d("2026-02-23")), "nine days off in a row");
    }

    @Test
    void knowsWhichYearsArePublished() {
        assertTrue(SPRING_2026.isPublished(2026));
        assertFalse(SPRING_2026.isPublished(2027));
        assertTrue(CalendarDays.EMPTY.isWorkingDay(d("2027-02-08")), "unknown years: the weekday rule only");
    }
}
