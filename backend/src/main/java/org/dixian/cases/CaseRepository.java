package org.dixian.cases;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.util.List;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseEntity, Long> {

    /** The cases a caller may see: a farmer those it declared or of its bound household; a cadre its region's. */
    static String visible(Scope scope, Parameters p) {
        if (scope.role() == Role.FARMER) {
            p.and("me", scope.accountId()).and("hh", scope.householdId() == null ? -1L : scope.householdId());
            return "(c.declarantId = :me or c.householdId = :hh)";
        }
        String[] range = scope.regionRange();
        p.and("from", range[0]).and("to", range[1]);
        return "(c.regionCode >= :from and c.regionCode < :to)";
    }

    public Uni<CaseEntity> findVisible(Scope scope, long id) {
        Parameters p = Parameters.with("id", id);
        return find("from CaseEntity c where c.id = :id and " + visible(scope, p), p).firstResult();
    }

    /** A case the caller may see, or "not found" (the same answer whether it exists elsewhere or not). */
    public Uni<CaseEntity> requireVisible(Scope scope, long id) {
        return findVisible(scope, id)
                .onItem().ifNull().failWith(() -> org.dixian.platform.errors.ApiException.notFound("未找到该案件，或不在您的管辖范围内"));
    }

    public Uni<CaseEntity> openForHousehold(long householdId) {
        return find("householdId = ?1 and open = true", householdId).firstResult();
    }

    public Uni<CaseEntity> findByRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }

    public Uni<List<CaseEntity>> mine(Scope scope) {
        Parameters p = new Parameters();
        return find("from CaseEntity c where " + visible(scope, p) + " order by c.id desc", p).page(0, 100).list();
    }

    /**
     * A page of the region's cases: open ones by deadline (every open case has one), then id; closed ones newest
     * first. The cursor is the last id of the previous page.
     */
    public Uni<List<CaseEntity>> page(Scope scope, String region, boolean open, Long after, int limit) {
        Parameters p = new Parameters();
        StringBuilder q = new StringBuilder("from CaseEntity c where ").append(visible(scope, p)).append(" and c.open = :open");
        p.and("open", open);
        if (region != null) {
            String[] range = RegionCodes.range(region);
            q.append(" and c.regionCode >= :rf and c.regionCode < :rt");
            p.and("rf", range[0]).and("rt", range[1]);
        }
        if (after != null && open) {
            q.append(" and (c.stageDue > (select a.stageDue from CaseEntity a where a.id = :after)"
                    + " or (c.stageDue = (select a.stageDue from CaseEntity a where a.id = :after) and c.id > :after))");
            p.and("after", after);
        } else if (after != null) {
            q.append(" and c.id < :after");
            p.and("after", after);
        }
        q.append(open ? " order by c.stageDue, c.id" : " order by c.id desc");
        return find(q.toString(), p).page(0, limit + 1).list();
    }
}
