package org.dixian.media;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A photo as shown: type, size and the EXIF location and time (null when the camera wrote none). */
public record Media(long id, String contentType, long size, Double latitude, Double longitude, String takenAt,
                    OffsetDateTime createdAt) {

    static Media of(MediaEntity e) {
        return new Media(e.id, e.contentType, e.size, e.latitude, e.longitude, e.takenAt,
                e.createdAt.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
