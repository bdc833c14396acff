package org.dixian.policy;

import org.dixian.platform.security.RegionCodes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates conditions into a SQL predicate over {@code household h} (and, when income is tested, the lateral
 * {@code inc} row of its latest year) for whole-registry runs. Values never enter the text: each is a numbered
 * parameter ($n) appended to {@link #params()}, numbers bound as text and cast to numeric so the comparison is
 * exact. Every leaf is wrapped in {@code coalesce(…, false)}: a null fact makes the leaf false and {@code not} stays
 * two-valued, exactly as {@link JavaEvaluator} does.
 */
public final class SqlConditions {
    /** The latest yearly income of h, for conditions on income (join it with {@code left join lateral}). */
    public static final String LATEST_INCOME = "(select i.per_capita_net, i.year from household_income i"
            + " where i.household_id = h.id order by i.year desc limit 1) inc on true";

    private final List<Object> params;
    private final LocalDate today;
    private final ThresholdLookup thresholds;
    private final String province;
    private String todayParam;
    private String thresholdParams;

    /**
     * @param params    the statement's parameters so far; new ones are numbered after them
     * @param province  the 2-digit province of the region evaluated (every household under it shares it)
     */
    public SqlConditions(List<Object> params, LocalDate today, ThresholdLookup thresholds, String province) {
        this.params = params;
        this.today = today;
        this.thresholds = thresholds;
        this.province = province;
    }

    public List<Object> params() {
        return params;
    }

    /** The predicate for household {@code h}. */
    public String predicate(PolicyCondition c) {
        if (c.all() != null) {
            return group(c.all(), " and ", false);
        }
        if (c.any() != null) {
            return group(c.any(), " or ", false);
        }
        if (c.negated() != null) {
            return "not (" + predicate(c.negated()) + ")";
        }
        if (c.member() != null) {
            return "exists (select 1 from member m where m.household_id = h.id and not m.removed and ("
                    + memberPredicate(c.member()) + "))";
        }
        return "coalesce(" + household(c) + ", false)";
    }

    private String memberPredicate(PolicyCondition c) {
        if (c.all() != null) {
            return group(c.all(), " and ", true);
        }
        if (c.any() != null) {
            return group(c.any(), " or ", true);
        }
        if (c.negated() != null) {
            return "not (" + memberPredicate(c.negated()) + ")";
        }
        return "coalesce(" + member(c) + ", false)";
    }

    private String group(List<PolicyCondition> list, String op, boolean inMember) {
        List<String> parts = new ArrayList<>();
        for (PolicyCondition x : list) {
            parts.add("(" + (inMember ? memberPredicate(x) : predicate(x)) + ")");
        }
        return "(" + String.join(op, parts) + ")";
    }

    private String household(PolicyCondition c) {
        return switch (c.fact()) {
            case CATEGORY -> code("h.category", c);
            case MONITORING_TYPE -> code("h.monitoring_type", c);
            case RISK_TYPE -> (c.op() == ConditionOp.IN ? "" : "not ") + "(h.risk_types && " + param(c.values().toArray(String[]::new)) + "::varchar[])";
            case REGION -> {
                List<String> ranges = new ArrayList<>();
                for (String v : c.values()) {
                    String[] r = RegionCodes.range(v);
                    ranges.add("(h.region_code >= " + param(r[0]) + " and h.region_code < " + param(r[1]) + ")");
                }
                String any = "(" + String.join(" or ", ranges) + ")";
                yield c.op() == ConditionOp.IN ? any : "not " + any;
            }
            case INCOME_PER_CAPITA -> "inc.per_capita_net " + compare(c.op()) + " " + number(c.number());
            case INCOME_THRESHOLD_RATIO -> "inc.per_capita_net " + compare(c.op()) + " " + number(c.number()) + " * " + threshold();
            case HOUSING_SAFE -> bool("h.housing_safe", c);
            case WATER_SAFE -> bool("h.water_safe", c);
            case RISK_ELIMINATED -> bool("h.risk_eliminated", c);
            case MEMBER_COUNT -> "h.member_count " + compare(c.op()) + " " + number(c.number());
            default -> throw new IllegalArgumentException("member fact outside member: " + c.fact());
        };
    }

    private String member(PolicyCondition c) {
        return switch (c.fact()) {
            case AGE -> "extract(year from age(" + today() + ", m.birth_date)) " + compare(c.op()) + " " + number(c.number());
            case GENDER -> code("m.gender", c);
            case RELATION -> code("m.relation", c);
            case HEALTH -> code("m.health", c);
            case DISABILITY_GRADE -> "m.disability_grade " + compare(c.op()) + " " + number(c.number());
            case SCHOOLING_STATUS -> code("m.schooling_status", c);
            case LABOR_ABILITY -> code("m.labor_ability", c);
            case WORK_STATUS -> code("m.work_status", c);
            case WORK_PLACE -> code("m.work_place", c);
            case ASSISTANCE_STATUS -> code("m.assistance_status", c);
            case MEDICAL_INSURED -> bool("m.medical_insured", c);
            case PENSION_INSURED -> bool("m.pension_insured", c);
            default -> throw new IllegalArgumentException("household fact inside member: " + c.fact());
        };
    }

    private String code(String column, PolicyCondition c) {
        String values = param(c.values().toArray(String[]::new)) + "::text[]";
        return c.op() == ConditionOp.IN ? column + " = any(" + values + ")" : column + " <> all(" + values + ")";
    }

    private static String bool(String column, PolicyCondition c) {
        return column + (c.op() == ConditionOp.IS_TRUE ? " = true" : " = false");
    }

    private static String compare(ConditionOp op) {
        return switch (op) {
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private String number(BigDecimal n) {
        return param(n.toPlainString()) + "::text::numeric";
    }

    private String today() {
        if (todayParam == null) {
            todayParam = param(today) + "::date";
        }
        return todayParam;
    }

    /** The threshold of inc.year: the configured years of the province as two arrays, else the default. */
    private String threshold() {
        if (thresholdParams == null) {
            List<Integer> years = new ArrayList<>();
            List<String> amounts = new ArrayList<>();
            for (int y = 2015; y <= today.getYear() + 1; y++) {
                years.add(y);
                amounts.add(thresholds.threshold(province, y).toPlainString());
            }
            thresholdParams = "coalesce((select t.amount from unnest(" + param(years.toArray(Integer[]::new))
                    + "::int[], " + param(amounts.toArray(String[]::new)) + "::text[]::numeric[]) t(year, amount) where t.year = inc.year), "
                    + param(thresholds.fallback().toPlainString()) + "::text::numeric)";
        }
        return thresholdParams;
    }

    private String param(Object value) {
        params.add(value);
        return "$" + params.size();
    }
}
