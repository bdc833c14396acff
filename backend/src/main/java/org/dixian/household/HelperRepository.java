package org.dixian.household;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Scope;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class HelperRepository implements PanacheRepositoryBase<HelperEntity, Long> {

    /**
     * The helpers a cadre may pick: registered inside the own region, or for a region above it (a county's
     * helpers serve its villages too).
     */
    static String visible(Scope scope, Parameters p) {
        if (scope.regionCode() == null) {
            return "1 = 0";
        }
        String[] range = RegionCodes.range(scope.regionCode());
        p.and("from", range[0]).and("to", range[1]).and("above", ancestors(scope.regionCode()));
        return "((h.regionCode >= :from and h.regionCode < :to) or h.regionCode in :above)";
    }

    static List<String> ancestors(String code) {
        List<String> out = new ArrayList<>();
        for (String c = RegionCodes.parent(code); c != null; c = RegionCodes.parent(c)) {
            out.add(c);
        }
        out.add("-"); // never empty: "in ()" is not valid SQL
        return out;
    }

    public Uni<HelperEntity> findVisible(Scope scope, long id) {
        Parameters p = Parameters.with("id", id);
        return find("from HelperEntity h where h.id = :id and " + visible(scope, p), p).firstResult();
    }

    public Uni<List<HelperEntity>> search(Scope scope, String q, Long after, int limit) {
        Parameters p = new Parameters();
        StringBuilder hql = new StringBuilder("from HelperEntity h where ").append(visible(scope, p));
        if (q != null) {
            hql.append(" and (h.name like :q or h.unit like :q)");
            p.and("q", HouseholdReads.likePrefix(q));
        }
        if (after != null) {
            hql.append(" and h.id > :after");
            p.and("after", after);
        }
        hql.append(" order by h.id");
        return find(hql.toString(), p).page(0, limit + 1).list();
    }

    public Uni<HelperEntity> findByRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }
}
