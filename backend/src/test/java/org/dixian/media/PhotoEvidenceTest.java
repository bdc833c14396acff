package org.dixian.media;

import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotoEvidenceTest {
    /** 34°50'30.60" N, 114°49'12.00" E: near 兰考县. */
    private static final int[] LAT = {34, 50, 3060};
    private static final int[] LON = {114, 49, 1200};
    private static final double LAT_DEG = 34 + 50 / 60.0 + 30.6 / 3600;
    private static final double LON_DEG = 114 + 49 / 60.0 + 12.0 / 3600;

    @Test
    void readsGpsAndTimeInIntelByteOrder() {
        PhotoEvidence e = PhotoEvidence.of(UploadType.JPEG,
                TestPhotos.jpegWithExif(ByteOrder.LITTLE_ENDIAN, 'N', LAT, 'E', LON, "2025:06:01 09:15:42"));
        assertEquals(LAT_DEG, e.latitude(), 1e-9);
        assertEquals(LON_DEG, e.longitude(), 1e-9);
        assertEquals("2025:06:01 09:15:42", e.takenAt());
    }

    @Test
    void readsGpsAndTimeInMotorolaByteOrder() {
        PhotoEvidence e = PhotoEvidence.of(UploadType.JPEG,
                TestPhotos.jpegWithExif(ByteOrder.BIG_ENDIAN, 'N', LAT, 'E', LON, "2025:06:01 09:15:42"));
        assertEquals(LAT_DEG, e.latitude(), 1e-9);
        assertEquals(LON_DEG, e.longitude(), 1e-9);
        assertEquals("2025:06:01 09:15:42", e.takenAt());
    }

    @Test
    void southAndWestAreNegative() {
        PhotoEvidence e = PhotoEvidence.of(UploadType.JPEG,
                TestPhotos.jpegWithExif(ByteOrder.BIG_ENDIAN, 'S', LAT, 'W', LON, "2024:12:31 23:59:59"));
        assertEquals(-LAT_DEG, e.latitude(), 1e-9);
        assertEquals(-LON_DEG, e.longitude(), 1e-9);
    }

    @Test
    void outOfRangeCoordinatesAreDropped() {
        PhotoEvidence e = PhotoEvidence.of(UploadType.JPEG,
                TestPhotos.jpegWithExif(ByteOrder.LITTLE_ENDIAN, 'N', new int[] {95, 0, 0}, 'E', LON, "2025:06:01 09:15:42"));
        assertNull(e.latitude());
        assertNull(e.longitude());
        assertEquals("2025:06:01 09:15:42", e.takenAt());
    }

    @Test
    void noExifIsNoEvidence() {
        assertEquals(PhotoEvidence.NONE, PhotoEvidence.of(UploadType.JPEG, TestPhotos.jpeg()));
        assertEquals(PhotoEvidence.NONE, PhotoEvidence.of(UploadType.PNG, TestPhotos.png()));
    }

    @Test
    void brokenExifNeverFails() {
        byte[] good = TestPhotos.exif(ByteOrder.LITTLE_ENDIAN, 'N', LAT, 'E', LON, "2025:06:01 09:15:42");
        // Offsets pointing past the end, a truncated segment, a wrong TIFF marker, random bytes.
        byte[] badOffsets = good.clone();
        badOffsets[6 + 4] = (byte) 0xF0;
        badOffsets[6 + 5] = (byte) 0xFF;
        byte[][] payloads = {badOffsets, Arrays.copyOf(good, 20), "Exif\0\0XX*\0garbage".getBytes(StandardCharsets.ISO_8859_1),
                new java.util.Random(7).ints(300, 0, 256).collect(() -> new java.io.ByteArrayOutputStream(),
                        java.io.ByteArrayOutputStream::write, (a, b) -> { }).toByteArray()};
        for (byte[] p : payloads) {
            // The reader may recover what it can; it must answer, and never with coordinates out of range.
            PhotoEvidence e = PhotoEvidence.of(UploadType.JPEG, TestPhotos.withApp1(TestPhotos.jpeg(), p));
            assertTrue(e.latitude() == null || Math.abs(e.latitude()) <= 90);
            assertTrue(e.longitude() == null || Math.abs(e.longitude()) <= 180);
        }
        assertEquals(PhotoEvidence.NONE, PhotoEvidence.of(UploadType.JPEG, TestPhotos.withApp1(TestPhotos.jpeg(),
                "Exif\0\0XX*\0garbage".getBytes(StandardCharsets.ISO_8859_1))));
        // A JPEG cut off in the middle of its EXIF segment.
        byte[] whole = TestPhotos.jpegWithExif(ByteOrder.BIG_ENDIAN, 'N', LAT, 'E', LON, "2025:06:01 09:15:42");
        assertEquals(PhotoEvidence.NONE, PhotoEvidence.of(UploadType.JPEG, Arrays.copyOf(whole, 40)));
    }

    @Test
    void typesAreToldByTheirFirstBytes() {
        assertEquals(UploadType.JPEG, UploadType.detect(TestPhotos.jpeg()));
        assertEquals(UploadType.PNG, UploadType.detect(TestPhotos.png()));
        assertNull(UploadType.detect(TestPhotos.gif()));
        assertNull(UploadType.detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)));
        assertNull(UploadType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8}));
        assertNull(UploadType.detect(new byte[0]));
    }

    @Test
    void limitsReadAsPeopleSayThem() {
        assertEquals("5 MB", MediaService.readable(5 * 1024 * 1024));
        assertEquals("512 KB", MediaService.readable(512 * 1024));
        assertEquals("1000 字节", MediaService.readable(1000));
    }
}
