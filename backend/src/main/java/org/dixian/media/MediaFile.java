package org.dixian.media;

/**
 * An upload's bytes with their content type, the uploader's file name and SHA-256 (a strong ETag: the bytes of an id
 * never change).
 */
public record MediaFile(String contentType, String fileName, String sha256, byte[] bytes) {
}
