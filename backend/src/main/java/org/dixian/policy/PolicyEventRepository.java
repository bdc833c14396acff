package org.dixian.policy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.persistence.Actor;
import org.dixian.platform.security.Scope;

import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class PolicyEventRepository implements PanacheRepositoryBase<PolicyEventEntity, Long> {

    public Uni<PolicyEventEntity> append(PolicyEntity p, String type, Scope actor, OffsetDateTime at, String reason,
                                         Integer conditionsVersion) {
        PolicyEventEntity e = new PolicyEventEntity();
        e.policyId = p.id;
        e.type = type;
        e.actor = Actor.of(actor);
        e.at = at;
        e.reason = reason;
        e.conditionsVersion = conditionsVersion;
        return persist(e);
    }

    public Uni<List<PolicyEventEntity>> of(long policyId) {
        return list("policyId = ?1 order by id", policyId);
    }

    public Uni<PolicyEventEntity> byRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }
}
