package org.dixian.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.persistence.Actor;

import java.time.OffsetDateTime;

/** A reveal of the complainant's identity. Append-only. */
@Entity
@Table(name = "ticket_access")
public class TicketAccessEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public Long ticketId;
    @Embedded
    public Actor actor;
    /** The client that looked, for a department system. */
    @Column(name = "actor_client")
    public String actorClient;
    public OffsetDateTime at;
    public String reason;
}
