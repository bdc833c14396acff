package org.dixian.client;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.Scope;

import java.util.List;

@ApplicationScoped
public class ApiClientRepository implements PanacheRepositoryBase<ApiClientEntity, Long> {
    public Uni<ApiClientEntity> findByClientId(String clientId) {
        return find("clientId", clientId).firstResult();
    }

    public Uni<ApiClientEntity> findByRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }

    public Uni<List<ApiClientEntity>> inScope(Scope scope) {
        return list("regionCode like ?1 order by id", scope.likePattern());
    }

    public Uni<ApiClientEntity> findInScope(Scope scope, long id) {
        return find("id = ?1 and regionCode like ?2", id, scope.likePattern()).firstResult();
    }
}
