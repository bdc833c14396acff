package org.dixian.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A policy as shown; {@code reach} only for cadres (counts of the households of their region). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Policy(long id, String title, String docNo, String issuer, String regionCode, String regionName,
                     PolicyCategory category, PolicyStatus status, LocalDate effectiveFrom, LocalDate effectiveTo,
                     String summary, String benefit, String body, List<Long> attachmentIds, PolicyCondition conditions,
                     String conditionsText, int conditionsVersion, OffsetDateTime publishedAt,
                     OffsetDateTime withdrawnAt, OffsetDateTime createdAt, int version, List<PolicyEvent> events,
                     PolicyReachCounts reach) {
}
