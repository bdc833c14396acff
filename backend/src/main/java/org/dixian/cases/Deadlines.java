package org.dixian.cases;

import org.dixian.calendar.CalendarDays;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The chain's date rules in one place, on Beijing business dates from the injected clock: a stage is due the given
 * number of working days after the day it starts (holidays and 调休 from the calendar); it is late from the day
 * after; a public notice may be closed from the day it ends.
 */
final class Deadlines {
    private Deadlines() {
    }

    static LocalDate due(CalendarDays days, Clock clock, int workingDays) {
        return days.addWorkingDays(LocalDate.now(clock), workingDays);
    }

    static boolean overdue(LocalDate due, Clock clock) {
        return due != null && LocalDate.now(clock).isAfter(due);
    }

    static boolean noticeOver(LocalDate ends, Clock clock) {
        return ends == null || !LocalDate.now(clock).isBefore(ends);
    }
}
