package org.dixian.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.util.List;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<TicketEntity, Long> {
    static final String NOT_FOUND = "未找到该工单，或不在您的管辖范围内";
    static final String NOT_HELD = "未找到该工单，或未交由本部门办理";

    /**
     * The tickets a caller may see: a farmer the ones it filed; a cadre those about its region or handled in it.
     * A complaint about cadres' conduct stays out of the village's sight unless the village handles it.
     */
    static String visible(Scope scope, Parameters p) {
        if (scope.role() == Role.FARMER) {
            p.and("me", scope.accountId());
            return "(t.complainantId = :me)";
        }
        String[] range = scope.regionRange();
        p.and("from", range[0]).and("to", range[1]);
        String inRange = "((t.regionCode >= :from and t.regionCode < :to) or (t.handlerRegion >= :from and t.handlerRegion < :to))";
        if (scope.level() >= 5) {
            p.and("mine", scope.regionCode());
            return "(" + inRange + " and (t.category <> org.dixian.ticket.TicketCategory.CADRE_CONDUCT or t.handlerRegion = :mine))";
        }
        return inRange;
    }

    public Uni<TicketEntity> requireVisible(Scope scope, long id) {
        Parameters p = Parameters.with("id", id);
        return find("from TicketEntity t where t.id = :id and " + visible(scope, p), p).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound(NOT_FOUND));
    }

    /** A ticket held by one of a department system's departments ({@code departments}), else 404. */
    public Uni<TicketEntity> requireHeldBy(List<Long> departments, long id) {
        if (departments.isEmpty()) {
            return Uni.createFrom().failure(ApiException.notFound(NOT_HELD));
        }
        return find("id = ?1 and handlerDepartmentId in ?2", id, departments).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound(NOT_HELD));
    }

    /** The tickets split from each of the given ones, in order, in the current session (sees its own writes). */
    public Uni<java.util.Map<Long, List<Long>>> splitInto(java.util.Collection<Long> ids) {
        return getSession().chain(s -> s.createSelectionQuery(
                        "select t.splitFrom, t.id from TicketEntity t where t.splitFrom in :ids order by t.id", Object[].class)
                .setParameter("ids", ids).getResultList()).map(rows -> {
            java.util.Map<Long, List<Long>> out = new java.util.HashMap<>();
            rows.forEach(r -> out.computeIfAbsent((Long) r[0], k -> new java.util.ArrayList<>()).add((Long) r[1]));
            return out;
        });
    }

    public Uni<TicketEntity> findByRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }

    public Uni<List<TicketEntity>> mine(Scope scope) {
        return list("complainantId = ?1 order by id desc", scope.accountId());
    }
}
