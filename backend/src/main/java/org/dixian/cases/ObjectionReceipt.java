package org.dixian.cases;

import java.time.OffsetDateTime;

/** What the public sender gets back: no contact details. */
public record ObjectionReceipt(long id, long caseId, OffsetDateTime filedAt) {
}
