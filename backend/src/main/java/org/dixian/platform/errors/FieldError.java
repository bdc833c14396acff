package org.dixian.platform.errors;

/** One field at fault in a request, with a Chinese message. */
public record FieldError(String field, String message) {
}
