package org.dixian.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.persistence.Actor;

import java.time.OffsetDateTime;

/** One append-only step of a notice: CREATED, PUBLISHED or WITHDRAWN (the table refuses updates and deletes). */
@Entity
@Table(name = "notice_event")
public class NoticeEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "notice_id")
    public Long noticeId;
    public String type;
    @Embedded
    public Actor actor;
    public OffsetDateTime at;
    public String reason;
}
