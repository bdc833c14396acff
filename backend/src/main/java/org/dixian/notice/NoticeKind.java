package org.dixian.notice;

/** NOTICE 通知公告 is read by cadres; ANNOUNCEMENT 公示公告 by cadres and farmers. */
public enum NoticeKind {
    NOTICE, ANNOUNCEMENT
}
