package org.dixian.checkin;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class GeofenceRepository implements PanacheRepositoryBase<GeofenceEntity, Long> {

    /** The current geofence of a village (its newest version), or null. */
    public Uni<GeofenceEntity> current(String villageCode) {
        return find("villageCode = ?1 order by id desc", villageCode).firstResult();
    }
}
