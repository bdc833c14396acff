package org.dixian.household;

public record ImportResult(int households, int members) {
}
