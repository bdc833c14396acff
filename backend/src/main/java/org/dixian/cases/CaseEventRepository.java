package org.dixian.cases;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.Scope;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class CaseEventRepository implements PanacheRepositoryBase<CaseEventEntity, Long> {

    public Uni<CaseEventEntity> append(long caseId, String type, CaseStage stage, Scope actor, OffsetDateTime at,
                                       String reason, LocalDate due) {
        CaseEventEntity e = new CaseEventEntity();
        e.caseId = caseId;
        e.type = type;
        e.stage = stage;
        e.actorId = actor.actorId();
        e.actorRole = actor.role();
        e.actorRegion = actor.regionCode();
        e.at = at;
        e.reason = reason;
        e.due = due;
        return persist(e);
    }

    public Uni<List<CaseEventEntity>> ofCases(Collection<Long> caseIds) {
        return list("caseId in ?1 order by id", caseIds);
    }
}
