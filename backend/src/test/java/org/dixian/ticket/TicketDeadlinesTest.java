package org.dixian.ticket;

import io.smallrye.config.SmallRyeConfigBuilder;
import org.dixian.calendar.CalendarDays;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The escalation's date rules with a fixed clock across the 2025 National Day holiday (国办发明电〔2024〕12号). */
class TicketDeadlinesTest {
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

    private static Clock at(String beijingDateTime) {
        return Clock.fixed(ZonedDateTime.of(LocalDateTime.parse(beijingDateTime), BEIJING).toInstant(), BEIJING);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static TicketRules rules(Map<String, String> values) {
        return new TicketRules(new SmallRyeConfigBuilder().withDefaultValues(values).build());
    }

    @Test
    void theDefaultLimitsFollowTheHotlinePractice() {
        TicketRules rules = rules(Map.of());
        assertEquals(1, rules.acceptDays);
        assertEquals(15, rules.handleDays(TicketCategory.SUBSIDY));
        assertEquals(1, rules.maxExtensions);
        assertEquals(5, rules.bulletinAfter);
        assertEquals(3, rules.autoCloseDays);
        assertEquals(10, rules(Map.of("dixian.tickets.categories.HOUSING.handle-days", "10")).handleDays(TicketCategory.HOUSING));
    }

    @Test
    void aFifteenWorkingDayDeadlineSkipsTheNationalDayWeek() {
        CalendarDays days = nationalDay2025();
        TicketRules rules = rules(Map.of());
        // Accepted on Friday 9-26 (Beijing; 23:30 UTC of 9-25): Sunday 9-28 counts, 10-1 to 10-8 do not.
        LocalDate accepted = LocalDate.now(at("2025-09-26T07:30"));
        assertEquals(day("2025-09-26"), accepted);
        LocalDate due = days.addWorkingDays(accepted, rules.handleDays(TicketCategory.ASSISTANCE));
        assertEquals(day("2025-10-23"), due);

        // An extension may be asked for up to the deadline day, not after it.
        assertTrue(TicketDeadlines.mayRequestExtension(due, LocalDate.now(at("2025-10-23T23:59"))));
        assertFalse(TicketDeadlines.mayRequestExtension(due, LocalDate.now(at("2025-10-24T00:01"))));
        // Approved, it adds working days to the deadline: from 9-30, five working days end on 10-14.
        assertEquals(day("2025-10-30"), TicketDeadlines.extended(days, due, 5));
        assertEquals(day("2025-10-14"), TicketDeadlines.extended(days, day("2025-09-30"), 5));
    }

    @Test
    void aLateTicketIsUrgedOnTheFirstWorkingDayAfterItsDeadlineAndAgainAfterAnExtension() {
        CalendarDays days = nationalDay2025();
        assertEquals(day("2025-10-24"), TicketDeadlines.firstUrgingDay(days, day("2025-10-23")));
        // Due Tuesday 9-30: the holiday passes without urging, Thursday 10-9 is the first urging day.
        LocalDate due = day("2025-09-30");
        assertEquals(day("2025-10-09"), TicketDeadlines.firstUrgingDay(days, due));
        assertFalse(TicketDeadlines.urgeToday(days, due, null, day("2025-09-30")));
        for (int d = 1; d <= 8; d++) {
            assertFalse(TicketDeadlines.urgeToday(days, due, null, LocalDate.of(2025, 10, d)));
        }
        assertTrue(TicketDeadlines.urgeToday(days, due, null, day("2025-10-09")));
        // Urged once for this deadline.
        assertFalse(TicketDeadlines.urgeToday(days, due, day("2025-10-09"), day("2025-10-10")));
        // A new deadline (an extension approved late, or a reopening) is urged again once it passes.
        LocalDate extended = TicketDeadlines.extended(days, due, 5);
        assertFalse(TicketDeadlines.urgeToday(days, extended, day("2025-10-09"), extended));
        assertTrue(TicketDeadlines.urgeToday(days, extended, day("2025-10-09"), day("2025-10-15")));
    }

    @Test
    void aTicketGoesOnTheBulletinWhenLateByMoreThanFiveWorkingDays() {
        CalendarDays days = nationalDay2025();
        int after = rules(Map.of()).bulletinAfter;
        // Due 10-23: late by 5 working days on 10-30, by 6 on 10-31.
        assertFalse(TicketDeadlines.onBulletin(days, day("2025-10-23"), LocalDate.now(at("2025-10-30T20:00")), after));
        assertTrue(TicketDeadlines.onBulletin(days, day("2025-10-23"), LocalDate.now(at("2025-10-31T08:05")), after));
        // Due 9-30: the holiday does not count; 10-9, 10-10, 10-11, 10-13, 10-14 make five, 10-15 the sixth.
        assertFalse(TicketDeadlines.onBulletin(days, day("2025-09-30"), day("2025-10-14"), after));
        assertTrue(TicketDeadlines.onBulletin(days, day("2025-09-30"), day("2025-10-15"), after));
        // On 10-15 every deadline up to the last holiday is six working days behind.
        assertEquals(day("2025-10-08"), TicketDeadlines.bulletinCutoff(days, day("2025-10-15"), after));
        assertEquals(day("2025-10-23"), TicketDeadlines.bulletinCutoff(days, day("2025-10-31"), after));
        // The cutoff the query uses says the same as the rule, for every deadline and day around the holiday.
        for (LocalDate today = day("2025-09-01"); today.isBefore(day("2025-12-01")); today = today.plusDays(1)) {
            LocalDate cutoff = TicketDeadlines.bulletinCutoff(days, today, after);
            for (LocalDate due = today.minusDays(40); !due.isAfter(today); due = due.plusDays(1)) {
                assertEquals(TicketDeadlines.onBulletin(days, due, today, after), !due.isAfter(cutoff), due + " on " + today);
            }
        }
    }
}
