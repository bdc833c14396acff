package org.dixian.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The working-day rule over a set of exceptions: Monday to Friday are working days, except public holidays;
 * weekend days listed as adjusted working days (调休上班) are working days. Immutable.
 *
 * @param exceptions days that differ from the weekday rule: true = working day (调休), false = holiday
 * @param published  years whose official schedule is known
 */
public record CalendarDays(Map<LocalDate, Boolean> exceptions, Set<Integer> published) {
    public static final CalendarDays EMPTY = new CalendarDays(Map.of(), Set.of());

    public CalendarDays {
        exceptions = Map.copyOf(exceptions);
        published = Set.copyOf(published);
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code n}-th working day after {@code from} (from itself not counted): a deadline of "n working days"
     * from a step taken on {@code from} (n ≥ 0; n = 0 gives from).
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate d = from;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days in (from, to]: how many working days have passed from {@code from} to {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** Whether the year's holidays are known; for other years only the weekday rule applies. */
    public boolean isPublished(int year) {
        return published.contains(year);
    }
}
