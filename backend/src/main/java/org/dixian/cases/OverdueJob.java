package org.dixian.cases;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.region.RegionService;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Every morning (Beijing time), each open case whose stage ran past its deadline is flagged once per stage and
 * deadline: an OVERDUE step, and a notice to the cadres responsible and to the level above. One instance does it
 * at a time (a transaction-scoped advisory lock), so several app instances don't flag twice.
 */
@ApplicationScoped
public class OverdueJob {
    private static final Logger LOG = Logger.getLogger(OverdueJob.class);
    private static final long LOCK = 0x646978_6f7665L; // "dix" "ove"
    static final int BATCH = 200;

    private final CaseRepository cases;
    private final CaseEventRepository events;
    private final CaseNotices notices;
    private final RegionService regions;
    private final Clock clock;

    public OverdueJob(CaseRepository cases, CaseEventRepository events, CaseNotices notices, RegionService regions, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.notices = notices;
        this.regions = regions;
        this.clock = clock;
    }

    @Scheduled(cron = "{dixian.cases.overdue-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return flagAll().invoke(n -> {
            if (n > 0) {
                LOG.infof("flagged %d overdue case stages", n);
            }
        }).replaceWithVoid();
    }

    /** Flags every late stage not flagged yet; answers how many. */
    public Uni<Integer> flagAll() {
        return flagBatch().chain(n -> n < BATCH ? Uni.createFrom().item(n) : flagAll().map(more -> n + more));
    }

    @WithTransaction
    Uni<Integer> flagBatch() {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return cases.getSession().chain(s -> s.createNativeQuery("select pg_try_advisory_xact_lock(" + LOCK + ")", Boolean.class)
                .getSingleResult()).chain(locked -> {
            if (!Boolean.TRUE.equals(locked)) {
                return Uni.createFrom().item(0);
            }
            return cases.find("""
                            from CaseEntity c where c.open = true and c.stageDue < ?1
                             and not exists (select 1 from CaseEventEntity e where e.caseId = c.id and e.type = 'OVERDUE'
                                             and e.stage = c.stage and e.due = c.stageDue)
                             order by c.stageDue, c.id""", today)
                    .page(0, BATCH).list()
                    .chain(late -> regions.names(late.stream().map(c -> c.regionCode).distinct().toList()).chain(names -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (CaseEntity c : late) {
                            chain = chain.chain(() -> events.append(c.id, "OVERDUE", c.stage, null, now,
                                            CaseService.stageName(c.stage) + "已超过办理时限（" + c.stageDue + "）", c.stageDue))
                                    .chain(() -> notices.overdue(c, names.get(c.regionCode)));
                        }
                        return chain.map(x -> late.size());
                    }));
        });
    }
}
