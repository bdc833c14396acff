package org.dixian.checkin;

/** The piece of work a check-in is evidence for; there is no check-in without one. */
public enum CheckinTask {
    /** 入户走访 */
    HOME_VISIT,
    /** 评议会议 */
    REVIEW_MEETING,
    /** 村值班日 */
    DUTY_DAY,
    /** 驻村考勤 (only where the province records resident-team attendance) */
    TEAM_ATTENDANCE,
    /** 其他工作 */
    OTHER;

    /** Whether a check-in of this task counts as a day in the village for resident-team attendance. */
    public boolean isVillageDay() {
        return this == DUTY_DAY || this == TEAM_ATTENDANCE;
    }
}
