package org.dixian.worklog;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class WorkLogRepository implements PanacheRepositoryBase<WorkLogEntity, Long> {

    /**
     * Logs of the villages in the code range [from, to), in the period (either end may be open), newest first
     * (by id: order of writing, never of people), after the keyset {@code after}; at most {@code max} rows.
     */
    public Uni<List<WorkLogEntity>> page(String[] range, LocalDate fromDate, LocalDate toDate, Long after, int max) {
        StringBuilder q = new StringBuilder("villageCode >= :from and villageCode < :to");
        Parameters p = Parameters.with("from", range[0]).and("to", range[1]);
        if (fromDate != null) {
            q.append(" and workDate >= :fromDate");
            p.and("fromDate", fromDate);
        }
        if (toDate != null) {
            q.append(" and workDate <= :toDate");
            p.and("toDate", toDate);
        }
        if (after != null) {
            q.append(" and id < :after");
            p.and("after", after);
        }
        return find(q + " order by id desc", p).range(0, max - 1).list();
    }

    public Uni<WorkLogEntity> findByRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }
}
