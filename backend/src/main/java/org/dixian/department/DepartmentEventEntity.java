package org.dixian.department;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.persistence.Actor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;

/** One append-only step of a department's history (the table refuses updates and deletes). */
@Entity
@Table(name = "department_event")
public class DepartmentEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "department_id")
    public Long departmentId;
    public String type;
    @Embedded
    public Actor actor;
    public OffsetDateTime at;
    /** What the step set (for CREATED: the registered fields). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data;
}
