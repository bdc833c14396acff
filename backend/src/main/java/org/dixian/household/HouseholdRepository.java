package org.dixian.household;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.util.List;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<HouseholdEntity, Long> {

    /** Search filters; null means any. Hashes are blind indexes of exact values. */
    public record Filter(String regionCode, HouseholdCategory category, MonitoringType monitoringType, RiskType riskType,
                         String headName, String householdNo, String idCardHash, String phoneLast4, Long after, int limit) {
    }

    /**
     * The rows a caller may see: a farmer only its bound household, everyone else what lies under its
     * region prefix. Every household query starts from this predicate.
     */
    static String visible(Scope scope, Parameters p) {
        if (scope.role() == Role.FARMER) {
            p.and("hh", scope.householdId() == null ? -1L : scope.householdId());
            return "h.deleted = false and h.id = :hh";
        }
        String[] range = scope.regionCode() == null ? new String[] {"-", "-"} : RegionCodes.range(scope.regionCode());
        p.and("scopeFrom", range[0]).and("scopeTo", range[1]);
        return "h.deleted = false and h.regionCode >= :scopeFrom and h.regionCode < :scopeTo";
    }

    public Uni<HouseholdEntity> findVisible(Scope scope, long id) {
        Parameters p = Parameters.with("id", id);
        return find("from HouseholdEntity h where h.id = :id and " + visible(scope, p), p).firstResult();
    }

    /** A household the caller may see, or "not found" (the same answer whether it exists elsewhere or not). */
    public Uni<HouseholdEntity> requireVisible(Scope scope, long id) {
        return findVisible(scope, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("未找到该农户，或不在您的管辖范围内"));
    }

    public Uni<List<HouseholdEntity>> search(Scope scope, Filter f) {
        Parameters p = new Parameters();
        StringBuilder q = new StringBuilder("from HouseholdEntity h where ").append(visible(scope, p));
        if (f.regionCode() != null) {
            String[] range = RegionCodes.range(f.regionCode());
            q.append(" and h.regionCode >= :regionFrom and h.regionCode < :regionTo");
            p.and("regionFrom", range[0]).and("regionTo", range[1]);
        }
        if (f.category() != null) {
            q.append(" and h.category = :category");
            p.and("category", f.category());
        }
        if (f.monitoringType() != null) {
            q.append(" and h.monitoringType = :mt");
            p.and("mt", f.monitoringType());
        }
        if (f.riskType() != null) {
            q.append(" and array_contains(h.riskTypes, :risk)");
            p.and("risk", f.riskType().name());
        }
        if (f.headName() != null) {
            q.append(" and h.headName like :name");
            p.and("name", f.headName() + "%");
        }
        if (f.householdNo() != null) {
            q.append(" and h.householdNo = :no");
            p.and("no", f.householdNo());
        }
        if (f.idCardHash() != null) {
            q.append(" and exists (from MemberEntity m where m.householdId = h.id and m.removed = false and m.idCardHash = :idh)");
            p.and("idh", f.idCardHash());
        }
        if (f.phoneLast4() != null) {
            q.append(" and exists (from MemberEntity m where m.householdId = h.id and m.removed = false and m.phoneLast4 = :p4)");
            p.and("p4", f.phoneLast4());
        }
        if (f.after() != null) {
            q.append(" and h.id > :after");
            p.and("after", f.after());
        }
        q.append(" order by h.id");
        return find(q.toString(), p).page(0, f.limit() + 1).list();
    }

    public Uni<Long> countInVillage(String villageCode) {
        return count("regionCode = ?1", villageCode);
    }

    public Uni<HouseholdEntity> findByRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }
}
