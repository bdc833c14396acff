package org.dixian.media;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

/**
 * Where and when a photo was taken, as its camera wrote it in the EXIF segment (GPS latitude/longitude in
 * decimal degrees; DateTimeOriginal as the raw "yyyy:MM:dd HH:mm:ss" local time). Evidence only: a photo
 * without EXIF, or with EXIF we cannot read, is still a photo.
 */
record PhotoEvidence(Double latitude, Double longitude, String takenAt) {
    static final PhotoEvidence NONE = new PhotoEvidence(null, null, null);
    private static final Logger LOG = Logger.getLogger(PhotoEvidence.class);
    private static final int MAX_TAKEN_AT = 40;

    static PhotoEvidence of(UploadType type, byte[] data) {
        return of(type, new ByteArrayInputStream(data));
    }

    /**
     * The evidence in a JPEG's EXIF segment; {@link #NONE} for anything else or on any failure. Reads the segments
     * before the image data only.
     */
    static PhotoEvidence of(UploadType type, InputStream data) {
        if (type != UploadType.JPEG) {
            return NONE;
        }
        try {
            Metadata m = JpegMetadataReader.readMetadata(new BufferedInputStream(data), List.of(new ExifReader()));
            Double lat = null;
            Double lon = null;
            GpsDirectory gps = m.getFirstDirectoryOfType(GpsDirectory.class);
            GeoLocation where = gps == null ? null : gps.getGeoLocation();
            if (where != null && valid(where.getLatitude(), 90) && valid(where.getLongitude(), 180)) {
                lat = where.getLatitude();
                lon = where.getLongitude();
            }
            ExifSubIFDDirectory exif = m.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            String when = exif == null ? null : clean(exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
            return new PhotoEvidence(lat, lon, when);
        } catch (Exception | StackOverflowError e) {
            LOG.debugf("Unreadable EXIF ignored: %s", e.getMessage());
            return NONE;
        }
    }

    private static boolean valid(double degrees, double limit) {
        return Double.isFinite(degrees) && Math.abs(degrees) <= limit;
    }

    /** The camera's text without NULs or control characters; blank or absurdly long values are dropped. */
    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\\p{Cntrl}", "").trim();
        return t.isEmpty() || t.length() > MAX_TAKEN_AT ? null : t;
    }
}
