package org.dixian.account;

import org.dixian.platform.persistence.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
    @jakarta.persistence.Embedded
    public Actor actor;
    public OffsetDateTime at;
    public String reason;

    public AccountEvent view() {
        return actor == null ? new AccountEvent(id, type, null, null, null, at, reason)
                : new AccountEvent(id, type, actor.id, actor.role, actor.region, at, reason);
    }
}
