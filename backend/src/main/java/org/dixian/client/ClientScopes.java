package org.dixian.client;

import java.util.Set;

/** What a client may be granted: push alerts, read households / monitoring objects, read regions, push and pull tickets. */
public final class ClientScopes {
    public static final Set<String> ALL = Set.of("alerts:push", "households:read", "regions:read", "monitoring:read",
            "tickets:push");

    private ClientScopes() {
    }
}
