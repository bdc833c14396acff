package org.dixian.worklog;

import java.util.List;

/** One page of logs, newest first; {@code nextAfter} is the id to continue after, null on the last page. */
public record WorkLogPage(List<WorkLog> items, Long nextAfter) {
}
