package org.dixian.media;

/**
 * The file formats we accept, told apart by their first bytes: the declared content type is not trusted. Photos
 * (JPEG, PNG) and documents attached to publications (PDF).
 */
enum UploadType {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    /** Bytes read to tell the type. */
    static final int SIGNATURE_BYTES = 8;

    private final String contentType;
    private final byte[] magic;

    UploadType(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    String contentType() {
        return contentType;
    }

    boolean isImage() {
        return this != PDF;
    }

    /** The type whose signature the data starts with, or null. */
    static UploadType detect(byte[] data) {
        for (UploadType t : values()) {
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
