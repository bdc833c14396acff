package org.dixian.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The current state of a ticket; its history is {@link TicketEventEntity}. */
@Entity
@Table(name = "ticket")
public class TicketEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_no")
    public String ticketNo;
    @Enumerated(EnumType.STRING)
    public TicketChannel channel;
    @Enumerated(EnumType.STRING)
    public TicketCategory category;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;
    public String title;
    public String description;
    @Column(name = "region_code", columnDefinition = "bpchar")
    public String regionCode;
    @Column(name = "household_id")
    public Long householdId;
    @Column(name = "complainant_id")
    public Long complainantId;
    public boolean anonymous;
    @Column(name = "complainant_name_enc")
    public String complainantNameEnc;
    @Column(name = "complainant_phone_enc")
    public String complainantPhoneEnc;
    @Column(name = "complainant_phone_hash")
    public String complainantPhoneHash;
    @Column(name = "accept_region", columnDefinition = "bpchar")
    public String acceptRegion;
    @Column(name = "accepted_by")
    public Long acceptedBy;
    @Column(name = "handler_region", columnDefinition = "bpchar")
    public String handlerRegion;
    /** The department holding the ticket (handlerRegion is then its region); null while a region's cadres handle it. */
    @Column(name = "handler_department_id")
    public Long handlerDepartmentId;
    @Column(name = "accept_due")
    public LocalDate acceptDue;
    @Column(name = "handle_due")
    public LocalDate handleDue;
    @Column(name = "extension_count")
    public int extensionCount;
    @Column(name = "extension_pending_days")
    public Integer extensionPendingDays;
    @Column(name = "urge_count")
    public int urgeCount;
    @Column(name = "auto_urged_on")
    public LocalDate autoUrgedOn;
    public boolean supervised;
    @Column(name = "supervise_due")
    public LocalDate superviseDue;
    @Column(name = "rehandle_count")
    public int rehandleCount;
    @Enumerated(EnumType.STRING)
    public Satisfaction satisfaction;
    @Column(name = "replied_at")
    public OffsetDateTime repliedAt;
    @Column(name = "rate_from")
    public LocalDate rateFrom;
    @Column(name = "auto_close_on")
    public LocalDate autoCloseOn;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "closed_late")
    public Boolean closedLate;
    @Column(name = "merged_into")
    public Long mergedInto;
    @Column(name = "split_from")
    public Long splitFrom;
    @Column(name = "case_id")
    public Long caseId;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "external_no")
    public String externalNo;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photo_ids")
    public List<Long> photoIds = new ArrayList<>();
    @Column(name = "request_key")
    public String requestKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public int version;
}
