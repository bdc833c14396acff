package org.dixian.department;

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

import java.time.OffsetDateTime;

/** A department; {@code actor} is who registered it. Its history is {@link DepartmentEventEntity}. */
@Entity
@Table(name = "department")
public class DepartmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Enumerated(EnumType.STRING)
    public DepartmentKind kind;
    @Column(name = "region_code", columnDefinition = "bpchar")
    public String regionCode;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Embedded
    public Actor actor;

    Department view(String regionName) {
        return new Department(id, name, kind, regionCode, regionName, contactPhone, clientId, createdAt);
    }
}
