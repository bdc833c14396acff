package org.dixian.policy;

public record PolicyCheck(String text, boolean met) {
}
