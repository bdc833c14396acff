package org.dixian.auth;

public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
}
