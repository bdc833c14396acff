package org.dixian.client;

import java.util.Set;

/** What a client may be granted: push alerts, read households / monitoring objects, read regions, push and pull tickets, handle
 * the tickets given to a department. */
public final class ClientScopes {
    /** A department's system pulls and handles the tickets given to its department. */
    public static final String TICKETS_HANDLE = "tickets:handle";
    public static final Set<String> ALL = Set.of("alerts:push", "households:read", "regions:read", "monitoring:read",
            "tickets:push", TICKETS_HANDLE);

    private ClientScopes() {
    }
}
