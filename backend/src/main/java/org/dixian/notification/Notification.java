package org.dixian.notification;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/** An in-app message (消息) as its recipient sees it; {@code link} is a mini-program page path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(long id, String title, String body, String link, OffsetDateTime createdAt, boolean read) {
}
