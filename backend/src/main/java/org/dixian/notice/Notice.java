package org.dixian.notice;

import org.dixian.policy.PolicyStatus;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A notice as the caller sees it: {@code read} and {@code confirmed} are the caller's own; the counts only for the
 * cadres of the publishing region (null for everyone else).
 */
public record Notice(long id, NoticeKind kind, String title, String body, String regionCode, String regionName,
                     boolean requireConfirm, PolicyStatus status, List<Long> attachmentIds, OffsetDateTime publishedAt,
                     OffsetDateTime withdrawnAt, OffsetDateTime createdAt, int version, boolean read, boolean confirmed,
                     Long readCount, Long confirmedCount) {
}
