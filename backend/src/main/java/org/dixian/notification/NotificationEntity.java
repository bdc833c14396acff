package org.dixian.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A message as stored (append-only; written by {@link NotificationRepository#write}, only read as an entity). */
@Entity
@Table(name = "notification")
public class NotificationEntity {
    @Id
    public Long id;
    @Column(name = "account_id")
    public Long accountId;
    public String title;
    public String body;
    public String link;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    Notification view(boolean read) {
        return new Notification(id, title, body, link, createdAt, read);
    }
}
