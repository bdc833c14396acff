package org.dixian.policy;

/** A piece of a text; {@code hit} marks an occurrence of the search words. */
public record TextPart(String text, boolean hit) {
}
