package org.dixian.media;

/** A photo's bytes with their content type and SHA-256 (a strong ETag: the bytes of an id never change). */
public record MediaFile(String contentType, String sha256, byte[] bytes) {
}
