package org.dixian.unit;

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

/** One append-only step of a unit's history: REGISTERED, PAIRED, PAIRING_ENDED (the table refuses changes). */
@Entity
@Table(name = "unit_event")
public class UnitEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "unit_id")
    public Long unitId;
    @Column(name = "pairing_id")
    public Long pairingId;
    public String type;
    @Embedded
    public Actor actor;
    public OffsetDateTime at;
    public String reason;
    /** What the step set; never the contact phone. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data;
}
