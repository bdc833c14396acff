package org.dixian.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.persistence.Actor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One append-only step of a ticket (the table refuses updates and deletes). */
@Entity
@Table(name = "ticket_event")
public class TicketEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public Long ticketId;
    public String type;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;
    @Embedded
    public Actor actor;
    public OffsetDateTime at;
    public String content;
    @Column(name = "target_region", columnDefinition = "bpchar")
    public String targetRegion;
    @Column(name = "target_department_id")
    public Long targetDepartmentId;
    /** The department's name at the time of the step. */
    @Column(name = "target_department")
    public String targetDepartment;
    /** The client that acted, for steps of a department system (actor role API_CLIENT). */
    @Column(name = "actor_client")
    public String actorClient;
    public LocalDate due;
    @Enumerated(EnumType.STRING)
    public Satisfaction satisfaction;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<Long> attachments = new ArrayList<>();

    TicketEvent view() {
        return new TicketEvent(type, status, actor == null ? null : actor.role, actor == null ? null : actor.region, at,
                content, targetRegion, targetDepartment, due, satisfaction, attachments == null ? List.of() : attachments);
    }
}
