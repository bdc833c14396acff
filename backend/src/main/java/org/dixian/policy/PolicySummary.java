package org.dixian.policy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A policy in a list, with its title and summary split at the search words. */
public record PolicySummary(long id, String title, String docNo, String issuer, String regionCode, String regionName,
                            PolicyCategory category, PolicyStatus status, LocalDate effectiveFrom,
                            LocalDate effectiveTo, String summary, String benefit, OffsetDateTime publishedAt,
                            List<TextPart> titleParts, List<TextPart> summaryParts) {
}
