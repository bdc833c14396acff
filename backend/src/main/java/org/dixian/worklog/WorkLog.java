package org.dixian.worklog;

import org.dixian.platform.security.Role;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A village work log (驻村日志) with its author, photos, linked households and comments. */
public record WorkLog(long id, long accountId, String name, Role role, String villageCode, String villageName,
                      LocalDate date, String content, List<Long> photoIds, Double latitude, Double longitude,
                      Double accuracy, List<Long> householdIds, String taskRef, List<LogComment> comments,
                      OffsetDateTime createdAt) {
}
