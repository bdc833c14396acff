package org.dixian.policy;

import org.dixian.platform.security.RegionCodes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Evaluates conditions over one loaded household. Two-valued everywhere: a leaf whose fact is null is false (so is
 * NOT_IN), and {@code not} simply negates; {@link SqlConditions} follows the same rules, which the agreement test
 * checks on generated trees and households.
 */
public final class JavaEvaluator {
    private final LocalDate today;
    private final ThresholdLookup thresholds;

    public JavaEvaluator(LocalDate today, ThresholdLookup thresholds) {
        this.today = today;
        this.thresholds = thresholds;
    }

    public boolean test(PolicyCondition c, HouseholdFacts h) {
        if (c.all() != null) {
            return c.all().stream().allMatch(x -> test(x, h));
        }
        if (c.any() != null) {
            return c.any().stream().anyMatch(x -> test(x, h));
        }
        if (c.negated() != null) {
            return !test(c.negated(), h);
        }
        if (c.member() != null) {
            return h.members().stream().anyMatch(m -> testMember(c.member(), m));
        }
        return household(c, h);
    }

    boolean testMember(PolicyCondition c, HouseholdFacts.Member m) {
        if (c.all() != null) {
            return c.all().stream().allMatch(x -> testMember(x, m));
        }
        if (c.any() != null) {
            return c.any().stream().anyMatch(x -> testMember(x, m));
        }
        if (c.negated() != null) {
            return !testMember(c.negated(), m);
        }
        return member(c, m);
    }

    private boolean household(PolicyCondition c, HouseholdFacts h) {
        return switch (c.fact()) {
            case CATEGORY -> code(c, h.category());
            case MONITORING_TYPE -> code(c, h.monitoringType());
            case RISK_TYPE -> {
                boolean any = h.riskTypes() != null && h.riskTypes().stream().anyMatch(c.values()::contains);
                yield c.op() == ConditionOp.IN ? any : !any;
            }
            case REGION -> {
                boolean under = c.values().stream().anyMatch(v -> RegionCodes.covers(v, h.regionCode()));
                yield c.op() == ConditionOp.IN ? under : !under;
            }
            case INCOME_PER_CAPITA -> number(c, h.incomePerCapita());
            case INCOME_THRESHOLD_RATIO -> {
                if (h.incomePerCapita() == null || h.incomeYear() == null) {
                    yield false;
                }
                // income OP number × threshold: exact decimal arithmetic, as numeric is in SQL.
                BigDecimal limit = c.number().multiply(threshold(h.regionCode().substring(0, 2), h.incomeYear()));
                yield compare(c.op(), h.incomePerCapita().compareTo(limit));
            }
            case HOUSING_SAFE -> bool(c, h.housingSafe());
            case WATER_SAFE -> bool(c, h.waterSafe());
            case RISK_ELIMINATED -> bool(c, h.riskEliminated());
            case MEMBER_COUNT -> number(c, BigDecimal.valueOf(h.memberCount()));
            default -> throw new IllegalArgumentException("member fact outside member: " + c.fact());
        };
    }

    private boolean member(PolicyCondition c, HouseholdFacts.Member m) {
        return switch (c.fact()) {
            case AGE -> number(c, m.birthDate() == null ? null : BigDecimal.valueOf(Period.between(m.birthDate(), today).getYears()));
            case GENDER -> code(c, m.gender());
            case RELATION -> code(c, m.relation());
            case HEALTH -> code(c, m.health());
            case DISABILITY_GRADE -> number(c, m.disabilityGrade() == null ? null : BigDecimal.valueOf(m.disabilityGrade()));
            case SCHOOLING_STATUS -> code(c, m.schoolingStatus());
            case LABOR_ABILITY -> code(c, m.laborAbility());
            case WORK_STATUS -> code(c, m.workStatus());
            case WORK_PLACE -> code(c, m.workPlace());
            case ASSISTANCE_STATUS -> code(c, m.assistanceStatus());
            case MEDICAL_INSURED -> bool(c, m.medicalInsured());
            case PENSION_INSURED -> bool(c, m.pensionInsured());
            default -> throw new IllegalArgumentException("household fact inside member: " + c.fact());
        };
    }

    /** Configured years run from 2015 to next year (as SqlConditions passes them); others take the default. */
    private BigDecimal threshold(String province, int year) {
        return year < 2015 || year > today.getYear() + 1 ? thresholds.fallback() : thresholds.threshold(province, year);
    }

    private static boolean code(PolicyCondition c, String value) {
        if (value == null) {
            return false;
        }
        boolean in = c.values().contains(value);
        return c.op() == ConditionOp.IN ? in : !in;
    }

    private static boolean number(PolicyCondition c, BigDecimal value) {
        return value != null && compare(c.op(), value.compareTo(c.number()));
    }

    private static boolean compare(ConditionOp op, int cmp) {
        return switch (op) {
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private static boolean bool(PolicyCondition c, Boolean value) {
        if (value == null) {
            return false;
        }
        return c.op() == ConditionOp.IS_TRUE ? value : !value;
    }

    /** Whether any leaf of the tree needs the latest income. */
    static boolean usesIncome(PolicyCondition c) {
        if (c == null) {
            return false;
        }
        if (c.all() != null) {
            return c.all().stream().anyMatch(JavaEvaluator::usesIncome);
        }
        if (c.any() != null) {
            return c.any().stream().anyMatch(JavaEvaluator::usesIncome);
        }
        if (c.negated() != null) {
            return usesIncome(c.negated());
        }
        if (c.member() != null) {
            return false;
        }
        return c.fact() == PolicyFact.INCOME_PER_CAPITA || c.fact() == PolicyFact.INCOME_THRESHOLD_RATIO;
    }

    static List<PolicyCondition> children(PolicyCondition c) {
        return c.all() != null ? c.all() : c.any() != null ? c.any() : List.of();
    }
}
