package org.dixian.checkin;

import java.time.OffsetDateTime;

/** A village's geofence: its centre (null until set) and radius (the default until set). */
public record Geofence(String villageCode, String villageName, Double latitude, Double longitude, int radiusMeters,
                       OffsetDateTime updatedAt) {
}
