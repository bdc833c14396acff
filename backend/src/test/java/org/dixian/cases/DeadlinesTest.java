package org.dixian.cases;

import io.smallrye.config.SmallRyeConfigBuilder;
import org.dixian.calendar.CalendarDays;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stage deadlines with a fixed clock across the 2025 National Day holiday (国办发明电〔2024〕12号). */
class DeadlinesTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** 2025: 10-1 to 10-8 off, Sunday 9-28 and Saturday 10-11 worked. */
    private static CalendarDays nationalDay2025() {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        for (int d = 1; d <= 8; d++) {
            exceptions.put(LocalDate.of(2025, 10, d), false);
        }
        exceptions.put(LocalDate.of(2025, 9, 28), true);
        exceptions.put(LocalDate.of(2025, 10, 11), true);
        return new CalendarDays(exceptions, Set.of(2025));
    }

    /** The clock at a Beijing wall time; 23:30 UTC of the day before is already the next Beijing day. */
    private static Clock at(String beijingDateTime) {
        return Clock.fixed(ZonedDateTime.of(java.time.LocalDateTime.parse(beijingDateTime), BEIJING).toInstant(), BEIJING);
    }

    private static StageLimits limits(Map<String, String> values) {
        return new StageLimits(new SmallRyeConfigBuilder().withDefaultValues(values).build());
    }

    @Test
    void aNoticePublishedBeforeTheHolidayRunsPastIt() {
        CalendarDays days = nationalDay2025();
        StageLimits.Limits l = limits(Map.of()).of("410225101201");
        // Published Tuesday 9-30: 10-9, 10-10, Saturday 10-11 (worked), 10-13, 10-14.
        LocalDate ends = Deadlines.due(days, at("2025-09-30T16:00"), l.publicNotice());
        assertEquals(LocalDate.of(2025, 10, 14), ends);
        assertFalse(Deadlines.noticeOver(ends, at("2025-10-13T23:59")));
        assertTrue(Deadlines.noticeOver(ends, at("2025-10-14T00:01")));
        // The visit of a declaration on Sunday 9-28 (a 调休 working day) is due two working days later: 9-30.
        assertEquals(LocalDate.of(2025, 9, 30), Deadlines.due(days, at("2025-09-28T09:00"), l.visit()));
        // Declared on 9-30, the visit is due on 10-10: the eight holidays do not count.
        LocalDate visitDue = Deadlines.due(days, at("2025-09-30T09:00"), l.visit());
        assertEquals(LocalDate.of(2025, 10, 10), visitDue);
        assertFalse(Deadlines.overdue(visitDue, at("2025-10-10T23:00")));
        assertTrue(Deadlines.overdue(visitDue, at("2025-10-11T08:00")));
    }

    @Test
    void theDefaultsKeepTheChainWithinFifteenCalendarDays() {
        StageLimits.Limits l = limits(Map.of()).of("410225101201");
        int total = l.visit() + l.villageReview() + l.publicNotice() + l.townshipReview() + l.countyApproval();
        assertEquals(10, total);
        CalendarDays plain = CalendarDays.EMPTY;
        for (int start = 0; start < 7; start++) {
            LocalDate from = LocalDate.of(2026, 3, 2).plusDays(start);
            LocalDate end = plain.addWorkingDays(from, total);
            assertTrue(java.time.temporal.ChronoUnit.DAYS.between(from, end) <= 15, from + " → " + end);
        }
    }

    @Test
    void aProvinceOverridesItsOwnLimitsOnly() {
        StageLimits limits = limits(Map.of("dixian.cases.provinces.41.public-notice", "7", "dixian.cases.limits.visit", "3"));
        assertEquals(7, limits.of("410225101201").publicNotice());
        assertEquals(3, limits.of("410225101201").visit());
        assertEquals(5, limits.of("510000000000").publicNotice());
        assertThrows(IllegalStateException.class, () -> limits(Map.of("dixian.cases.limits.visit", "-1")));
    }

    @Test
    void theBusinessDateIsBeijings() {
        // 2025-10-13 23:30 UTC is Tuesday 10-14 07:30 in Beijing: the notice is over there.
        Clock utcEvening = Clock.fixed(java.time.Instant.parse("2025-10-13T23:30:00Z"), BEIJING);
        assertTrue(Deadlines.noticeOver(LocalDate.of(2025, 10, 14), utcEvening));
    }
}
