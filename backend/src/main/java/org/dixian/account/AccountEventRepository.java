package org.dixian.account;

import org.dixian.platform.persistence.Actor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.Scope;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class AccountEventRepository implements PanacheRepositoryBase<AccountEventEntity, Long> {
    private final Clock clock;

    public AccountEventRepository(Clock clock) {
        this.clock = clock;
    }

    public Uni<List<AccountEventEntity>> ofAccount(long accountId) {
        return list("accountId = ?1 order by id", accountId);
    }

    /** Appends one event; {@code actor} null means the system or the user acting on itself before login. */
    public Uni<AccountEventEntity> append(long accountId, AccountEventType type, Scope actor, String reason) {
        AccountEventEntity e = new AccountEventEntity();
        e.accountId = accountId;
        e.type = type;
        e.at = OffsetDateTime.now(clock);
        e.reason = reason;
        if (actor != null) {
            e.actor = Actor.of(actor);
        }
        return persist(e);
    }
}
