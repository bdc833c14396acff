package org.dixian.household;

/** One field's change in an event; protected values appear masked. */
public record FieldChange(String field, String from, String to) {
}
