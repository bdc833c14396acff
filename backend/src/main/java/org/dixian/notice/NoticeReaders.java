package org.dixian.notice;

import java.util.List;

/** A page of a notice's readers in reading order, with the totals. */
public record NoticeReaders(long noticeId, long readCount, long confirmedCount, List<NoticeReader> items, Long nextAfter) {
}
