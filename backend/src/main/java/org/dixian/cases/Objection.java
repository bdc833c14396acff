package org.dixian.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

/** An objection as the village's cadres see it: the sender's phone masked, the answer when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Objection(long id, long caseId, String content, String contactName, String contactPhone,
                        OffsetDateTime filedAt, boolean open, String answer, OffsetDateTime answeredAt, Role answeredByRole) {
}
