package org.dixian.platform.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class QrImagesTest {
    /**
     * Decoder hints for a rendered image (not a photo): without them ZXing's finder-pattern search misses about one
     * perfect code in 300, which no phone camera does.
     */
    public static final java.util.Map<com.google.zxing.DecodeHintType, Object> PURE = java.util.Map.of(
            com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE, com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE);

    @Test
    void everyCodeReadsBackAndKeepsWholePixelModules() throws Exception {
        Random r = new Random(7);
        for (int i = 0; i < 1000; i++) {
            String content = "http://localhost:8080/#/pages/scan/index?c=H" + r.nextInt(1_000_000) + "-"
                    + Long.toString(r.nextLong() & Long.MAX_VALUE, 36) + "-" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(QrImages.render(content, 360)));
            assertTrue(img.getWidth() <= 360 && img.getWidth() >= 180, "size " + img.getWidth());
            int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
            String text;
            try {
                text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(img.getWidth(), img.getHeight(), px))), PURE).getText();
            } catch (Exception e) {
                throw new AssertionError("code " + i + " (" + img.getWidth() + " px, first pixel " + Integer.toHexString(px[0]) + ") unreadable: " + e, e);
            }
            assertEquals(content, text);
        }
    }
}
