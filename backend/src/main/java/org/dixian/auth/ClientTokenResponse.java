package org.dixian.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OAuth2 token response (RFC 6749 §5.1), snake_case as the standard requires. */
public record ClientTokenResponse(@JsonProperty("access_token") String accessToken,
                                  @JsonProperty("token_type") String tokenType,
                                  @JsonProperty("expires_in") long expiresIn,
                                  @JsonProperty("scope") String scope) {
}
