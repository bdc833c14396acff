package org.dixian.checkin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The arithmetic of a check-in (src-docs/checkins.md): great-circle distance, inside or outside a geofence, and
 * the flags. Pure functions, so the rules can be tested without a server.
 */
public final class GeoMath {
    /** Mean Earth radius (IUGG), metres. */
    static final double EARTH_RADIUS_M = 6_371_008.8;
    /** Accuracy worse than this flags LOW_ACCURACY. */
    static final double LOW_ACCURACY_M = 500;
    /** Client clock further than this from the server's flags CLIENT_TIME_SKEW. */
    static final Duration MAX_SKEW = Duration.ofMinutes(10);
    /** Faster than this from the previous check-in flags IMPOSSIBLE_JUMP. */
    static final double MAX_SPEED_KMH = 200;
    /** Time differences shorter than this count as this long, so two check-ins a second apart are not a jump. */
    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private GeoMath() {
    }

    /** Haversine distance in metres between two points given in decimal degrees. */
    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Inside when the reported position is no further from the centre than the radius (accuracy is not added). */
    public static boolean inside(double distanceMeters, int radiusMeters) {
        return distanceMeters <= radiusMeters;
    }

    /** Whether the phone's clock is more than 10 minutes off the server's. */
    public static boolean clientTimeSkewed(OffsetDateTime client, OffsetDateTime server) {
        return client != null && Duration.between(client, server).abs().compareTo(MAX_SKEW) > 0;
    }

    /**
     * Whether moving from the previous check-in to this one needs more than 200 km/h. The distance is reduced by both
     * accuracies (the positions may be that far off), the time is at least one minute.
     */
    public static boolean impossibleJump(double distanceMeters, double accuracy1, double accuracy2, Duration elapsed) {
        double meters = Math.max(0, distanceMeters - accuracy1 - accuracy2);
        Duration dt = elapsed.abs().compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : elapsed.abs();
        double kmh = (meters / 1000) / (dt.toMillis() / 3_600_000.0);
        return kmh > MAX_SPEED_KMH;
    }

    /** The flags of a check-in; {@code previous} is the caller's previous check-in or null. */
    static Set<CheckinFlag> flags(double accuracy, boolean hasGeofence, OffsetDateTime clientTime, OffsetDateTime at,
                                  Position previous, double latitude, double longitude) {
        Set<CheckinFlag> flags = EnumSet.noneOf(CheckinFlag.class);
        if (clientTimeSkewed(clientTime, at)) {
            flags.add(CheckinFlag.CLIENT_TIME_SKEW);
        }
        if (previous != null && impossibleJump(distanceMeters(previous.latitude(), previous.longitude(), latitude, longitude),
                previous.accuracy(), accuracy, Duration.between(previous.at(), at))) {
            flags.add(CheckinFlag.IMPOSSIBLE_JUMP);
        }
        if (accuracy > LOW_ACCURACY_M) {
            flags.add(CheckinFlag.LOW_ACCURACY);
        }
        if (!hasGeofence) {
            flags.add(CheckinFlag.NO_GEOFENCE);
        }
        return flags;
    }

    /** Where and when a previous check-in was made (the only one ever compared with). */
    record Position(double latitude, double longitude, double accuracy, OffsetDateTime at) {
    }
}
