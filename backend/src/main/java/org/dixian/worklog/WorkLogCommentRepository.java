package org.dixian.worklog;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class WorkLogCommentRepository implements PanacheRepositoryBase<WorkLogCommentEntity, Long> {

    /** The comments of these logs, oldest first. */
    public Uni<List<WorkLogCommentEntity>> ofLogs(Collection<Long> logIds) {
        if (logIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("logId in ?1 order by id", List.copyOf(logIds));
    }

    /** The comments of the logs of a region and period (as an export selects them), oldest first. */
    public Uni<List<WorkLogCommentEntity>> ofPeriod(String[] range, LocalDate fromDate, LocalDate toDate) {
        return list("logId in (select l.id from WorkLogEntity l where l.villageCode >= :from and l.villageCode < :to"
                        + " and l.workDate >= :fromDate and l.workDate <= :toDate) order by id",
                Parameters.with("from", range[0]).and("to", range[1]).and("fromDate", fromDate).and("toDate", toDate));
    }
}
