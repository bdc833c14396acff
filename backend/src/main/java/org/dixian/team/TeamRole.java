package org.dixian.team;

/** A member's role in a resident team, in the order attendance lists them. */
public enum TeamRole {
    /** 第一书记 */
    FIRST_SECRETARY,
    /** 队长 */
    LEADER,
    /** 队员 */
    MEMBER;

    /** Whether this role approves the team's leave requests. */
    public boolean leads() {
        return this != MEMBER;
    }
}
