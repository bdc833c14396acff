package org.dixian.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** The head's permission for one member of the household to bind a WeChat account. */
@Entity
@Table(name = "household_binding_grant")
@IdClass(BindingGrantEntity.Key.class)
public class BindingGrantEntity {
    public record Key(Long householdId, Long memberId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "household_id")
    public Long householdId;
    @Id
    @Column(name = "member_id")
    public Long memberId;
    @Column(name = "granted_by")
    public Long grantedBy;
    @Column(name = "granted_at")
    public OffsetDateTime grantedAt;
}
