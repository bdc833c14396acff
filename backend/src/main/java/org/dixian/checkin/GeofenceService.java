package org.dixian.checkin;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.persistence.Actor;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Village geofences (村中心 + 半径) for check-ins. Every change is a new version; the newest is current. Until a centre
 * is set a village has the default radius and no centre, and check-ins there are flagged NO_GEOFENCE.
 */
@ApplicationScoped
public class GeofenceService {
    private final GeofenceRepository geofences;
    private final CheckinSettings settings;
    private final RegionService regions;
    private final Clock clock;

    public GeofenceService(GeofenceRepository geofences, CheckinSettings settings, RegionService regions, Clock clock) {
        this.geofences = geofences;
        this.settings = settings;
        this.regions = regions;
        this.clock = clock;
    }

    /** A village's geofence, for any cadre whose region covers it. */
    @WithSession
    public Uni<Geofence> get(Scope scope, String code) {
        scope.requireRole(CheckinService.WORKERS);
        return village(scope, code).chain(name -> geofences.current(code).map(g -> view(code, name, g)));
    }

    /** Sets a village's geofence (a new version; the old ones stay): township cadres and above, in their region. */
    public Uni<Geofence> set(Scope scope, String code, GeofenceUpdate in) {
        scope.requireRole(CheckinService.SUPERVISORS);
        return village(scope, code).chain(name -> insert(scope, code, in).map(g -> view(code, name, g)));
    }

    @WithTransaction
    Uni<GeofenceEntity> insert(Scope scope, String code, GeofenceUpdate in) {
        return geofences.persist(fence(code, in.latitude(), in.longitude(), in.radiusMeters(), Actor.of(scope)));
    }

    /** Sets a village's first geofence without a caller (demo data) unless it has one. */
    @WithTransaction
    public Uni<Void> seed(String code, double latitude, double longitude, int radiusMeters) {
        return geofences.current(code).chain(g -> g != null ? Uni.createFrom().voidItem() : geofences.persist(
                fence(code, latitude, longitude, radiusMeters, null)).replaceWithVoid());
    }

    private GeofenceEntity fence(String code, double latitude, double longitude, int radiusMeters, Actor actor) {
        GeofenceEntity g = new GeofenceEntity();
        g.villageCode = code;
        g.latitude = latitude;
        g.longitude = longitude;
        g.radiusMeters = radiusMeters;
        g.actor = actor;
        g.at = OffsetDateTime.now(clock);
        return g;
    }

    /** The current geofence of a village, or null; runs in the caller's session. */
    Uni<GeofenceEntity> current(String code) {
        return geofences.current(code);
    }

    private Uni<String> village(Scope scope, String code) {
        if (RegionCodes.level(code) != 5) {
            throw ApiException.invalid("code", "签到范围只能按村（社区）设置");
        }
        scope.requireCovers(code);
        return regions.names(List.of(code)).map(names -> {
            String name = names.get(code);
            if (name == null) {
                throw ApiException.notFound("未找到该村");
            }
            return name;
        });
    }

    private Geofence view(String code, String name, GeofenceEntity g) {
        return g == null ? new Geofence(code, name, null, null, settings.defaultRadius(), null)
                : new Geofence(code, name, g.latitude, g.longitude, g.radiusMeters, g.at);
    }
}
