package org.dixian.household;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.util.List;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<HouseholdEntity, Long> {
    /** The same answer whether the household exists elsewhere or not at all. */
    static final String NOT_FOUND = "未找到该农户，或不在您的管辖范围内";

    /** Search filters; null means any. Hashes are blind indexes of exact values. */
    public record Filter(String regionCode, HouseholdCategory category, MonitoringType monitoringType, RiskType riskType,
                         String headName, String householdNo, String idCardHash, String phoneLast4, Long after, int limit) {
    }

    /**
     * The rows a caller may see: a farmer only its bound household, everyone else what lies under its
     * region prefix. Every household query starts from this predicate; {@link HouseholdReads#visible} is the
     * same rule for the plain-SQL reads.
     */
    static String visible(Scope scope, Parameters p) {
        if (scope.role() == Role.FARMER) {
            p.and("hh", scope.householdId() == null ? -1L : scope.householdId());
            return "h.deleted = false and h.id = :hh";
        }
        String[] range = scope.regionRange();
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
                .onItem().ifNull().failWith(() -> ApiException.notFound(NOT_FOUND));
    }

    public Uni<Long> countInVillage(String villageCode) {
        return count("regionCode = ?1", villageCode);
    }

    public Uni<HouseholdEntity> findByRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }
}
