package org.dixian.checkin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A check-in as shown: server time and Beijing date, where and how precisely, inside or outside, and the flags. */
public record Checkin(long id, long accountId, String name, CheckinTask task, String taskRef, String villageCode,
                      String villageName, OffsetDateTime at, LocalDate date, double latitude, double longitude,
                      double accuracy, Double distanceMeters, Boolean inside, String fieldReason, Long photoId,
                      OffsetDateTime clientTime, List<CheckinFlag> flags) {
}
