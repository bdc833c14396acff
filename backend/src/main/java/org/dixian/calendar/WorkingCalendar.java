package org.dixian.calendar;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * China's working days (public holidays and 调休) from table {@code calendar_day}, held in memory: a few dozen
 * rows a year. Deadlines in working days (the identification chain, tickets) are computed here. Read at start;
 * {@link #reload} after the table changed.
 */
@ApplicationScoped
public class WorkingCalendar {
    private static final Logger LOG = Logger.getLogger(WorkingCalendar.class);

    private final Pool pool;
    private volatile CalendarDays days = CalendarDays.EMPTY;

    public WorkingCalendar(Pool pool) {
        this.pool = pool;
    }

    void load(@Observes StartupEvent start) {
        reload().await().indefinitely();
    }

    public Uni<CalendarDays> reload() {
        return pool.query("select day, kind from calendar_day").execute().map(rows -> {
            Map<LocalDate, Boolean> exceptions = new HashMap<>();
            Set<Integer> years = new HashSet<>();
            for (Row r : rows) {
                LocalDate day = r.getLocalDate("day");
                exceptions.put(day, "WORKDAY".equals(r.getString("kind")));
                years.add(day.getYear());
            }
            CalendarDays loaded = new CalendarDays(exceptions, years);
            days = loaded;
            LOG.debugf("Working calendar: %d special days, years %s", exceptions.size(), years);
            return loaded;
        });
    }

    /** The calendar as last loaded. */
    public CalendarDays days() {
        return days;
    }
}
