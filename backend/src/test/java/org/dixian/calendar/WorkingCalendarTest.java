package org.dixian.calendar;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calendar as shipped (V009): the State Council's notices for 2025 and 2026. */
@QuarkusTest
class WorkingCalendarTest {
    @Inject
    WorkingCalendar calendar;

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void theShippedCalendarFollowsTheNotices() {
        CalendarDays days = calendar.reload().await().indefinitely();
        assertTrue(days.isPublished(2025));
        assertTrue(days.isPublished(2026));
        assertFalse(days.isPublished(2027));
        // 2025 (国办发明电〔2024〕12号): 1-26 (Sunday) worked, 1-28 to 2-4 off, 10-1 to 10-8 off, 10-11 (Saturday) worked.
        assertTrue(days.isWorkingDay(d("2025-01-26")));
        assertFalse(days.isWorkingDay(d("2025-02-04")));
        assertFalse(days.isWorkingDay(d("2025-10-08")));
        assertTrue(days.isWorkingDay(d("2025-10-11")));
        // 2026: 1-4 (Sunday) worked; 国庆 10-1 to 10-7 off, 9-20 and 10-10 worked.
        assertTrue(days.isWorkingDay(d("2026-01-04")));
        assertFalse(days.isWorkingDay(d("2026-10-07")));
        assertTrue(days.isWorkingDay(d("2026-09-20")));
        // 15 working days from Thursday 2026-09-24: the National Day week is skipped, Saturday 10-10 counts.
        assertEquals(d("2026-10-22"), days.addWorkingDays(d("2026-09-24"), 15));
        // 248 working days in each year (weekdays, less the weekday holidays, plus the 调休 weekend days).
        assertEquals(248, days.workingDaysBetween(d("2024-12-31"), d("2025-12-31")));
        assertEquals(248, days.workingDaysBetween(d("2025-12-31"), d("2026-12-31")));
    }
}
