package org.dixian.ticket;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The ticket cycle's daily work (Beijing time, {@code dixian.tickets.jobs-cron}): on working days, urge every
 * ticket past its deadline once per deadline (催办, telling the handling unit and the level above); close replies
 * nobody rated in time; put tickets late by more than {@code bulletin-after} working days on the bulletin once per
 * deadline and tell the level above. One instance works at a time (a transaction-scoped advisory lock). The public
 * methods take the business date, so tests can run them for a chosen day.
 */
@ApplicationScoped
public class TicketJobs {
    private static final Logger LOG = Logger.getLogger(TicketJobs.class);
    private static final long LOCK = 0x646978_746b74L; // "dix" "tkt"
    static final int BATCH = 200;
    /** The deadline that applies to a ticket in hand, as {@link TicketService#dueOf} computes it. */
    private static final String DUE = "(case when t.superviseDue is not null and (t.handleDue is null or t.superviseDue < t.handleDue)"
            + " then t.superviseDue else t.handleDue end)";

    private final TicketService cycle;
    private final TicketRepository tickets;
    private final TicketEventRepository events;
    private final TicketRules rules;
    private final TicketNotices notices;
    private final Clock clock;

    public TicketJobs(TicketService cycle, TicketRepository tickets, TicketEventRepository events, TicketRules rules,
                      TicketNotices notices, Clock clock) {
        this.cycle = cycle;
        this.tickets = tickets;
        this.events = events;
        this.rules = rules;
        this.notices = notices;
        this.clock = clock;
    }

    @Scheduled(cron = "{dixian.tickets.jobs-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        LocalDate today = LocalDate.now(clock);
        return autoUrge(today).chain(urged -> autoClose(today).chain(closed -> markBulletin(today).invoke(bulletined -> {
            if (urged + closed + bulletined > 0) {
                LOG.infof("tickets: %d urged, %d closed without rating, %d bulletined", urged, closed, bulletined);
            }
        }))).replaceWithVoid();
    }

    /** On a working day, urges every ticket in hand past its deadline and not urged since; answers how many. */
    public Uni<Integer> autoUrge(LocalDate today) {
        if (!cycle.days().isWorkingDay(today)) {
            return Uni.createFrom().item(0);
        }
        return all(() -> urgeBatch(today));
    }

    /** Closes every reply whose rating time ran out by {@code today}; answers how many. */
    public Uni<Integer> autoClose(LocalDate today) {
        return all(() -> closeBatch(today));
    }

    /** Puts every ticket that has just become late enough on the bulletin; answers how many. */
    public Uni<Integer> markBulletin(LocalDate today) {
        return all(() -> bulletinBatch(today));
    }

    private static Uni<Integer> all(Supplier<Uni<Integer>> batch) {
        return batch.get().chain(n -> n < BATCH ? Uni.createFrom().item(n) : all(batch).map(more -> n + more));
    }

    @WithTransaction
    Uni<Integer> urgeBatch(LocalDate today) {
        return locked(() -> tickets.find("from TicketEntity t where t.status = ?1 and " + DUE + " < ?2"
                        + " and (t.autoUrgedOn is null or t.autoUrgedOn < " + DUE + ") order by " + DUE + ", t.id",
                TicketStatus.HANDLING, today).page(0, BATCH).list(), t -> {
            LocalDate due = TicketService.dueOf(t);
            OffsetDateTime now = OffsetDateTime.now(clock);
            t.urgeCount++;
            t.autoUrgedOn = today;
            t.updatedAt = now;
            String body = "工单 " + t.ticketNo + " 已超过办理期限（" + due + "），系统自动催办";
            return events.append(t, "URGED", null, now, "超过办理期限，系统自动催办", t.handlerRegion, due, null, null)
                    .chain(() -> notices.toUnit(t.handlerRegion, t, "超期催办", body))
                    .chain(() -> notices.toLevelAbove(t.handlerRegion, t, "下级工单超期", body));
        });
    }

    @WithTransaction
    Uni<Integer> closeBatch(LocalDate today) {
        return locked(() -> tickets.find("from TicketEntity t where t.status = ?1 and t.autoCloseOn <= ?2 order by t.autoCloseOn, t.id",
                TicketStatus.REPLIED, today).page(0, BATCH).list(), t -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            cycle.close(t, now);
            String content = "答复后 " + rules.autoCloseDays + " 个工作日内未评价，自动办结";
            return events.append(t, "AUTO_CLOSED", null, now, content)
                    .chain(() -> notices.toComplainant(t, "工单已办结", TicketNotices.about(t) + " " + content));
        });
    }

    @WithTransaction
    Uni<Integer> bulletinBatch(LocalDate today) {
        LocalDate cutoff = TicketDeadlines.bulletinCutoff(cycle.days(), today, rules.bulletinAfter);
        return locked(() -> tickets.find("from TicketEntity t where t.status = ?1 and " + DUE + " <= ?2"
                        + " and not exists (select 1 from TicketEventEntity e where e.ticketId = t.id and e.type = 'BULLETINED'"
                        + " and e.due = " + DUE + ") order by " + DUE + ", t.id",
                TicketStatus.HANDLING, cutoff).page(0, BATCH).list(), t -> {
            LocalDate due = TicketService.dueOf(t);
            OffsetDateTime now = OffsetDateTime.now(clock);
            int late = cycle.days().workingDaysBetween(due, today);
            String content = "超过办理期限 " + late + " 个工作日，予以通报";
            return events.append(t, "BULLETINED", null, now, content, t.handlerRegion, due, null, null)
                    .chain(() -> notices.toLevelAbove(t.handlerRegion, t, "下级工单超期通报",
                            "工单 " + t.ticketNo + " " + content));
        });
    }

    /** Runs {@code each} over one batch if this instance holds the lock; answers the batch size (0 without the lock). */
    private Uni<Integer> locked(Supplier<Uni<List<TicketEntity>>> batch, Function<TicketEntity, Uni<?>> each) {
        return tickets.getSession().chain(s -> s.createNativeQuery("select pg_try_advisory_xact_lock(" + LOCK + ")", Boolean.class)
                .getSingleResult()).chain(locked -> {
            if (!Boolean.TRUE.equals(locked)) {
                return Uni.createFrom().item(0);
            }
            return batch.get().chain(list -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (TicketEntity t : list) {
                    // One statement after the other: a reactive session runs one at a time.
                    chain = chain.chain(() -> each.apply(t)).replaceWithVoid();
                }
                return chain.map(x -> list.size());
            });
        });
    }
}
