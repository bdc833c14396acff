package org.dixian.notice;

/** Published notices sent to the caller that it has not read, and those asking for a confirmation not yet given. */
public record NoticeCounts(long unread, long unconfirmed) {
}
