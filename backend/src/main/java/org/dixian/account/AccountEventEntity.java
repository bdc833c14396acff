package org.dixian.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;

/** One append-only entry of an account's history (the table refuses updates and deletes). */
@Entity
@Table(name = "account_event")
public class AccountEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "account_id")
    public Long accountId;
    @Enumerated(EnumType.STRING)
    public AccountEventType type;
    @Column(name = "actor_id")
    public Long actorId;
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role")
    public Role actorRole;
    @Column(name = "actor_region", columnDefinition = "bpchar")
    public String actorRegion;
    public OffsetDateTime at;
    public String reason;

    public AccountEvent view() {
        return new AccountEvent(id, type, actorId, actorRole, actorRegion, at, reason);
    }
}
