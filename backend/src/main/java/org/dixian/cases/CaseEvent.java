package org.dixian.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dixian.platform.security.Role;

import java.time.LocalDate;
import java.time.OffsetDateTime;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseEvent(String type, CaseStage stage, Role actorRole, String actorRegion, OffsetDateTime at, String reason,
                        LocalDate due, CaseDecision decision, Double latitude, Double longitude, java.util.List<Long> attachments) {
    /** A step without a decision, location or photos. */
    public CaseEvent(String type, CaseStage stage, Role actorRole, String actorRegion, OffsetDateTime at, String reason,
                     LocalDate due) {
        this(type, stage, actorRole, actorRegion, at, reason, due, null, null, null, java.util.List.of());
    }
}
