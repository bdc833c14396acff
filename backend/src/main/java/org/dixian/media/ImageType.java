package org.dixian.media;

/** The image formats we accept, told apart by their first bytes: the declared content type is not trusted. */
enum ImageType {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String contentType;
    private final byte[] magic;

    ImageType(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    String contentType() {
        return contentType;
    }

    /** The type whose signature the data starts with, or null. */
    static ImageType detect(byte[] data) {
        for (ImageType t : values()) {
            if (startsWith(data, t.magic)) {
                return t;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
