package org.dixian.notification;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A page of the caller's messages, newest first, with the number of unread ones; nextAfter continues it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationPage(List<Notification> items, long unread, Long nextAfter) {
}
