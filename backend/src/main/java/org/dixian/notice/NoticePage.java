package org.dixian.notice;

import java.util.List;

public record NoticePage(List<Notice> items, Long nextAfter) {
}
