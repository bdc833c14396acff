package org.dixian.ticket;

import org.dixian.calendar.CalendarDays;

import java.time.LocalDate;

/**
 * The escalation's date rules (src-docs/tickets.md) on Beijing business dates: an extension is asked for on or
 * before the deadline and adds working days to it; a late ticket is urged on the first working day after its
 * deadline (again after each new deadline); it goes on the level above's bulletin once it is late by more than
 * {@code bulletinAfter} working days.
 */
final class TicketDeadlines {
    private TicketDeadlines() {
    }

    /** An extension may be requested up to and including the deadline day. */
    static boolean mayRequestExtension(LocalDate handleDue, LocalDate today) {
        return handleDue != null && !today.isAfter(handleDue);
    }

    /** The deadline after an approved extension of {@code workingDays}. */
    static LocalDate extended(CalendarDays days, LocalDate handleDue, int workingDays) {
        return days.addWorkingDays(handleDue, workingDays);
    }

    /** The day the system urges a ticket due on {@code due}: the first working day after it. */
    static LocalDate firstUrgingDay(CalendarDays days, LocalDate due) {
        return days.addWorkingDays(due, 1);
    }

    /**
     * Whether the daily job urges today: a working day, past the deadline, and not urged since the deadline was set
     * (an extension or a reopening gives a new deadline, and a new urging when that one passes too).
     */
    static boolean urgeToday(CalendarDays days, LocalDate due, LocalDate autoUrgedOn, LocalDate today) {
        return days.isWorkingDay(today) && due != null && due.isBefore(today)
                && (autoUrgedOn == null || autoUrgedOn.isBefore(due));
    }

    /** Whether a ticket due on {@code due} is late by more than {@code after} working days today. */
    static boolean onBulletin(CalendarDays days, LocalDate due, LocalDate today, int after) {
        return due != null && due.isBefore(today) && days.workingDaysBetween(due, today) > after;
    }

    /**
     * The latest deadline that is on today's bulletin: a ticket is on it exactly when its deadline is on or before
     * this day, so the query can use a plain date comparison.
     */
    static LocalDate bulletinCutoff(CalendarDays days, LocalDate today, int after) {
        int working = 0;
        LocalDate d = today;
        while (true) {
            if (days.isWorkingDay(d)) {
                working++;
            }
            d = d.minusDays(1);
            // Now `working` counts the working days in (d, today].
            if (working > after) {
                return d;
            }
        }
    }
}
