package org.dixian.policy;

/** The household and member facts a condition may test; member facts only inside a {@code member} node. */
public enum PolicyFact {
    CATEGORY(Kind.CODE, false), MONITORING_TYPE(Kind.CODE, false), RISK_TYPE(Kind.CODE, false), REGION(Kind.CODE, false),
    INCOME_PER_CAPITA(Kind.NUMBER, false), INCOME_THRESHOLD_RATIO(Kind.NUMBER, false), HOUSING_SAFE(Kind.BOOLEAN, false),
    WATER_SAFE(Kind.BOOLEAN, false), RISK_ELIMINATED(Kind.BOOLEAN, false), MEMBER_COUNT(Kind.NUMBER, false),
    AGE(Kind.NUMBER, true), GENDER(Kind.CODE, true), RELATION(Kind.CODE, true), HEALTH(Kind.CODE, true),
    DISABILITY_GRADE(Kind.NUMBER, true), SCHOOLING_STATUS(Kind.CODE, true), LABOR_ABILITY(Kind.CODE, true),
    WORK_STATUS(Kind.CODE, true), WORK_PLACE(Kind.CODE, true), ASSISTANCE_STATUS(Kind.CODE, true),
    MEDICAL_INSURED(Kind.BOOLEAN, true), PENSION_INSURED(Kind.BOOLEAN, true);

    /** What a fact's value is: a code of a closed list (IN, NOT_IN), a number (LT … GE) or yes/no (IS_TRUE, IS_FALSE). */
    public enum Kind {
        CODE, NUMBER, BOOLEAN
    }

    private final Kind kind;
    private final boolean member;

    PolicyFact(Kind kind, boolean member) {
        this.kind = kind;
        this.member = member;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the fact is about one member (used inside {@code member}) rather than the household. */
    public boolean isMember() {
        return member;
    }
}
