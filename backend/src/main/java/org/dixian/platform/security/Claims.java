package org.dixian.platform.security;

/** Names of the access token's claims (see src-docs/architecture.md). */
public final class Claims {
    public static final String ROLE = "role";
    public static final String REGION = "region";
    public static final String LEVEL = "level";
    public static final String HOUSEHOLD = "hh";
    public static final String SCOPE = "scope";

    private Claims() {
    }
}
