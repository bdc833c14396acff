package org.dixian.cases;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ObjectionRepository implements PanacheRepositoryBase<ObjectionEntity, Long> {

    /** Unanswered objections per case, for the given cases (absent = none). */
    public Uni<Map<Long, Integer>> openCounts(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(s -> s.createSelectionQuery("""
                        select o.caseId, count(o) from ObjectionEntity o where o.caseId in :ids
                           and not exists (select 1 from ObjectionAnswerEntity a where a.objectionId = o.id)
                         group by o.caseId""", Object[].class)
                .setParameter("ids", caseIds).getResultList()).map(rows -> {
            Map<Long, Integer> out = new HashMap<>();
            rows.forEach(r -> out.put((Long) r[0], ((Long) r[1]).intValue()));
            return out;
        });
    }

    public Uni<List<ObjectionEntity>> ofCase(long caseId) {
        return list("caseId = ?1 order by id", caseId);
    }

    public Uni<List<ObjectionAnswerEntity>> answersOf(long caseId) {
        return getSession().chain(s -> s.createSelectionQuery("from ObjectionAnswerEntity a where a.caseId = :id",
                ObjectionAnswerEntity.class).setParameter("id", caseId).getResultList());
    }

    public Uni<ObjectionAnswerEntity> answerOf(long objectionId) {
        return getSession().chain(s -> s.find(ObjectionAnswerEntity.class, objectionId));
    }
}
