package org.dixian.household;

public record RevealedValue(ProtectedField field, String value) {
}
