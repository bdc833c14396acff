package org.dixian.checkin;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class CheckinRepository implements PanacheRepositoryBase<CheckinEntity, Long> {

    /** The check-in of the same work on the same day by the same account, if any (null and no reference are equal). */
    public Uni<CheckinEntity> sameWork(long accountId, CheckinTask task, String taskRef, LocalDate day) {
        return find("accountId = :a and task = :t and coalesce(taskRef, '') = :r and day = :d",
                Parameters.with("a", accountId).and("t", task).and("r", taskRef == null ? "" : taskRef).and("d", day))
                .firstResult();
    }

    public Uni<CheckinEntity> byRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }

    /** The account's latest check-in: the only one a new check-in is ever compared with. */
    public Uni<CheckinEntity> previous(long accountId) {
        return find("accountId = ?1 order by at desc, id desc", accountId).firstResult();
    }

    /** One account's check-ins between two dates, in time order. */
    public Uni<List<CheckinEntity>> ofAccount(long accountId, LocalDate from, LocalDate to) {
        return list("accountId = ?1 and day >= ?2 and day <= ?3 order by at, id", accountId, from, to);
    }
}
