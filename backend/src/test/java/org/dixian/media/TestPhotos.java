package org.dixian.media;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small real images for tests, and an EXIF segment written byte by byte (TIFF header, IFD0, Exif and GPS IFDs). */
public final class TestPhotos {
    private static final short ASCII = 2;
    private static final short LONG = 4;
    private static final short RATIONAL = 5;

    private TestPhotos() {
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    static byte[] png() {
        return image("png");
    }

    /** A small valid one-page PDF. */
    public static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] gif() {
        return image("gif");
    }

    /**
     * A JPEG with an APP1 Exif segment: GPS latitude/longitude as degrees, minutes and seconds (rationals, seconds
     * in hundredths) with their N/S and E/W references, and DateTimeOriginal.
     */
    static byte[] jpegWithExif(ByteOrder order, char latRef, int[] lat, char lonRef, int[] lon, String takenAt) {
        return withApp1(jpeg(), exif(order, latRef, lat, lonRef, lon, takenAt));
    }

    /** The JPEG with this APP1 payload right after its start-of-image marker. */
    static byte[] withApp1(byte[] jpeg, byte[] payload) {
        int length = payload.length + 2;
        byte[] out = new byte[jpeg.length + 4 + payload.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xE1;
        out[4] = (byte) (length >> 8);
        out[5] = (byte) length;
        System.arraycopy(payload, 0, out, 6, payload.length);
        System.arraycopy(jpeg, 2, out, 6 + payload.length, jpeg.length - 2);
        return out;
    }

    /** "Exif\0\0" followed by a TIFF structure in the given byte order. */
    static byte[] exif(ByteOrder order, char latRef, int[] lat, char lonRef, int[] lon, String takenAt) {
        // Layout: header (8), IFD0 with two pointers (30), Exif IFD with one entry (18), GPS IFD with four entries
        // (54), then the values that do not fit in an entry: the date (20), latitude (24), longitude (24).
        int ifd0 = 8;
        int exifIfd = ifd0 + 2 + 2 * 12 + 4;
        int gpsIfd = exifIfd + 2 + 12 + 4;
        int date = gpsIfd + 2 + 4 * 12 + 4;
        int latAt = date + 20;
        int lonAt = latAt + 24;
        ByteBuffer b = ByteBuffer.allocate(lonAt + 24).order(order);
        b.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        b.putShort((short) 42).putInt(ifd0);

        b.putShort((short) 2);
        entry(b, 0x8769, LONG, 1, offset(b, exifIfd));
        entry(b, 0x8825, LONG, 1, offset(b, gpsIfd));
        b.putInt(0);

        b.putShort((short) 1);
        entry(b, 0x9003, ASCII, 20, offset(b, date));
        b.putInt(0);

        b.putShort((short) 4);
        entry(b, 0x0001, ASCII, 2, inline(latRef));
        entry(b, 0x0002, RATIONAL, 3, offset(b, latAt));
        entry(b, 0x0003, ASCII, 2, inline(lonRef));
        entry(b, 0x0004, RATIONAL, 3, offset(b, lonAt));
        b.putInt(0);

        b.put(Arrays.copyOf(takenAt.getBytes(StandardCharsets.US_ASCII), 20));
        dms(b, lat);
        dms(b, lon);

        byte[] tiff = b.array();
        byte[] out = new byte[6 + tiff.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 6);
        System.arraycopy(tiff, 0, out, 6, tiff.length);
        return out;
    }

    private static void entry(ByteBuffer b, int tag, short type, int count, byte[] value) {
        b.putShort((short) tag).putShort(type).putInt(count).put(value);
    }

    private static byte[] offset(ByteBuffer b, int offset) {
        return ByteBuffer.allocate(4).order(b.order()).putInt(offset).array();
    }

    /** A one-letter ASCII value, NUL-terminated, in the entry's own four bytes (same in either byte order). */
    private static byte[] inline(char c) {
        return new byte[] {(byte) c, 0, 0, 0};
    }

    /** Degrees/1, minutes/1, seconds/100. */
    private static void dms(ByteBuffer b, int[] degreesMinutesHundredthsOfSeconds) {
        b.putInt(degreesMinutesHundredthsOfSeconds[0]).putInt(1);
        b.putInt(degreesMinutesHundredthsOfSeconds[1]).putInt(1);
        b.putInt(degreesMinutesHundredthsOfSeconds[2]).putInt(100);
    }

    private static byte[] image(String format) {
        BufferedImage img = new BufferedImage(16, 16, "gif".equals(format) ? BufferedImage.TYPE_BYTE_INDEXED
                : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                img.setRGB(x, y, (x * 16) << 16 | (y * 16) << 8 | 0x40);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
