package org.dixian.policy;

public record ConditionsText(String text) {
}
