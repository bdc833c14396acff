package org.dixian.worklog;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dixian.platform.persistence.Actor;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;

/** A comment on a work log; append-only. */
@Entity
@Immutable
@Table(name = "work_log_comment")
public class WorkLogCommentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "log_id")
    public Long logId;
    @Embedded
    public Actor actor;
    public String content;
    public OffsetDateTime at;
}
