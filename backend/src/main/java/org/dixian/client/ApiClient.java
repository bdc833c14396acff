package org.dixian.client;

import java.time.OffsetDateTime;
import java.util.List;

/** A registered third-party or department system; its secret is never shown again after creation. */
public record ApiClient(String clientId, String name, String regionCode, List<String> scopes, ClientStatus status,
                        OffsetDateTime createdAt) {
}
