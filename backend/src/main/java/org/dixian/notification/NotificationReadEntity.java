package org.dixian.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** When a message was first read (append-only; written by {@link NotificationRepository#markRead}). */
@Entity
@Table(name = "notification_read")
public class NotificationReadEntity {
    @Id
    @Column(name = "notification_id")
    public Long notificationId;
    @Column(name = "account_id")
    public Long accountId;
    @Column(name = "read_at")
    public OffsetDateTime readAt;
}
