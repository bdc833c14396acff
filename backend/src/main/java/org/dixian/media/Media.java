package org.dixian.media;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * An upload as shown: type, the uploader's file name (null when none was given), size and, for a photo, the EXIF
 * location and time (null when the camera wrote none).
 */
public record Media(long id, String contentType, String fileName, long size, Double latitude, Double longitude, String takenAt,
                    OffsetDateTime createdAt) {

    static Media of(MediaEntity e) {
        return new Media(e.id, e.contentType, e.fileName, e.size, e.latitude, e.longitude, e.takenAt,
                e.createdAt.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
