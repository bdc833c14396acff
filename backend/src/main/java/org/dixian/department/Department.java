package org.dixian.department;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/** A registered department as shown: where it sits, how to reach it, and the system that handles its tickets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Department(long id, String name, DepartmentKind kind, String regionCode, String regionName,
                         String contactPhone, String clientId, OffsetDateTime createdAt) {
}
