package org.dixian.notice;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.Scope;

/** Notices as entities, for the write paths (create, publish, withdraw); the reads are {@link NoticeReads}. */
@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<NoticeEntity, Long> {
    static final String NOT_FOUND = "未找到该通知，或不在您的范围内";

    /** A notice of the caller's region or below (what a publisher may act on), else 404. */
    public Uni<NoticeEntity> requireManaged(Scope scope, long id) {
        String[] range = scope.regionRange();
        return find("id = ?1 and regionCode >= ?2 and regionCode < ?3", id, range[0], range[1]).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound(NOT_FOUND));
    }

    public Uni<NoticeEntity> findByRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }
}
