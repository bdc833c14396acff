package org.dixian.media;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.Scope;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class MediaRepository implements PanacheRepositoryBase<MediaEntity, Long> {

    /**
     * A photo the caller may see: its own upload, or (for the roles that work on cases) one attached to something
     * in the caller's region. Null otherwise, whether it exists or not.
     */
    public Uni<MediaEntity> findVisible(Scope scope, long id, boolean regionReader) {
        Parameters p = Parameters.with("id", id).and("me", scope.accountId());
        String q = "from MediaEntity m where m.id = :id and (m.ownerId = :me";
        if (regionReader) {
            String[] range = scope.regionRange();
            q += " or (m.regionCode >= :from and m.regionCode < :to)";
            p.and("from", range[0]).and("to", range[1]);
        }
        return find(q + ")", p).firstResult();
    }

    /**
     * Attaches the owner's unattached photos among {@code ids}; returns how many were. One statement, so two
     * transactions cannot both attach the same photo: the second waits for the first and then finds it taken.
     */
    public Uni<Integer> attach(Collection<Long> ids, long ownerId, String regionCode, String attachedTo, OffsetDateTime at) {
        return update("regionCode = :region, attachedTo = :to, attachedAt = :at"
                        + " where id in :ids and ownerId = :owner and attachedTo is null",
                Parameters.with("region", regionCode).and("to", attachedTo).and("at", at).and("ids", ids)
                        .and("owner", ownerId));
    }

    /** How many of {@code ids} are the owner's and not attached yet. */
    public Uni<Long> countAttachable(Collection<Long> ids, long ownerId) {
        return count("id in ?1 and ownerId = ?2 and attachedTo is null", ids, ownerId);
    }

    public Uni<List<MediaEntity>> attachedTo(String attachedTo) {
        return list("attachedTo = ?1 order by id", attachedTo);
    }
}
