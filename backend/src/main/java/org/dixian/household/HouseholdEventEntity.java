package org.dixian.household;

import org.dixian.platform.persistence.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.OffsetDateTime;
import java.util.List;

/** One append-only entry of a household's history (the table refuses updates and deletes). */
@Entity
@Table(name = "household_event")
public class HouseholdEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "household_id")
    public Long householdId;
    @Column(name = "member_id")
    public Long memberId;
    public String type;
    @jakarta.persistence.Embedded
    public Actor actor;
    public OffsetDateTime at;
    public String reason;
    /** JSON array of {field, from, to}. */
    public String changes;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    static String write(List<FieldChange> changes) {
        try {
            return changes == null ? null : JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    HouseholdEvent view() {
        try {
            return new HouseholdEvent(id, type, memberId, actor == null ? null : actor.role, actor == null ? null : actor.region, at, reason,
                    changes == null ? List.of() : JSON.readValue(changes, CHANGES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
