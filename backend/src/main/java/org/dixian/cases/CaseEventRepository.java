package org.dixian.cases;

import org.dixian.platform.persistence.Actor;
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
        return append(caseId, type, stage, actor, at, reason, due, null, null, null, null);
    }

    /** A step with its decision, where it was taken and its photos; {@code actor} null for the system or the public. */
    public Uni<CaseEventEntity> append(long caseId, String type, CaseStage stage, Scope actor, OffsetDateTime at,
                                       String reason, LocalDate due, CaseDecision decision, Double latitude,
                                       Double longitude, List<Long> attachments) {
        CaseEventEntity e = new CaseEventEntity();
        e.caseId = caseId;
        e.type = type;
        e.stage = stage;
        if (actor != null) {
            e.actor = Actor.of(actor);
        }
        e.at = at;
        e.reason = reason;
        e.due = due;
        e.decision = decision;
        e.latitude = latitude;
        e.longitude = longitude;
        e.attachments = attachments == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(attachments);
        return persist(e);
    }

    public Uni<List<CaseEventEntity>> ofCases(Collection<Long> caseIds) {
        return list("caseId in ?1 order by id", caseIds);
    }
}
