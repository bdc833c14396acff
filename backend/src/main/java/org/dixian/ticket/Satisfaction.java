package org.dixian.ticket;

/** The complainant's rating of the reply (满意, 基本满意, 不满意). */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
}
