package org.dixian.cases;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CaseVisitRepository implements PanacheRepositoryBase<CaseVisitEntity, Long> {
    public Uni<CaseVisitEntity> latest(long caseId) {
        return find("caseId = ?1 order by id desc", caseId).firstResult();
    }
}
