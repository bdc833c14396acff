package org.dixian.policy;

import org.dixian.platform.errors.FieldError;
import org.dixian.platform.security.RegionCodes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The grammar of policy conditions: what a valid tree is (checked on save and in describe, with the path of each
 * fault, e.g. {@code conditions.all[1].values}) and how a tree reads in Chinese. The closed value lists follow the
 * registry: household categories, monitoring types and risk types of the household feature, the member code lists
 * (relation, health, labour ability, work place, 低保/特困) and the schooling and work statuses the registry records.
 */
public final class ConditionRules {
    public static final int MAX_DEPTH = 6;
    public static final int MAX_LEAVES = 50;
    public static final int MAX_VALUES = 50;

    /** Each closed list, code → Chinese label, in a stable order. */
    static final Map<PolicyFact, Map<String, String>> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put(PolicyFact.CATEGORY, labels("GENERAL", "一般农户", "LIFTED", "脱贫户", "MONITORED", "监测对象"));
        VALUES.put(PolicyFact.MONITORING_TYPE, labels("UNSTABLE_LIFTED", "脱贫不稳定户", "MARGINAL", "边缘易致贫户",
                "SUDDEN_HARDSHIP", "突发严重困难户"));
        VALUES.put(PolicyFact.RISK_TYPE, labels("ILLNESS", "因病", "DISABILITY", "因残", "EDUCATION", "因学", "DISASTER", "因灾",
                "ACCIDENT", "因意外事故", "INDUSTRY_FAILURE", "因产业项目失败", "UNSTABLE_EMPLOYMENT", "因务工就业不稳",
                "LABOR_SHORTAGE", "缺劳动力", "HOUSING", "住房出现安全问题", "DROPOUT", "义务教育阶段失学辍学",
                "WATER", "饮水安全问题", "EXPENDITURE_OR_INCOME_DROP", "刚性支出较大或收入大幅缩减", "OTHER", "其他"));
        VALUES.put(PolicyFact.GENDER, labels("MALE", "男", "FEMALE", "女"));
        VALUES.put(PolicyFact.RELATION, labels("HEAD", "户主", "SPOUSE", "配偶", "SON", "儿子", "DAUGHTER", "女儿",
                "DAUGHTER_IN_LAW", "儿媳", "SON_IN_LAW", "女婿", "GRANDSON", "孙子", "GRANDDAUGHTER", "孙女",
                "FATHER", "父亲", "MOTHER", "母亲", "SIBLING", "兄弟姐妹", "OTHER", "其他"));
        VALUES.put(PolicyFact.HEALTH, labels("HEALTHY", "健康", "CHRONIC", "长期慢性病", "SERIOUS", "大病", "DISABLED", "残疾"));
        VALUES.put(PolicyFact.SCHOOLING_STATUS, labels("PRESCHOOL", "学前教育", "PRIMARY", "小学", "JUNIOR_HIGH", "初中",
                "SENIOR_HIGH", "普通高中", "SECONDARY_VOCATIONAL", "中职", "HIGHER_VOCATIONAL", "高职",
                "UNDERGRADUATE", "本科及以上", "DROPPED_OUT", "失学辍学", "NOT_IN_SCHOOL", "非在校生"));
        VALUES.put(PolicyFact.LABOR_ABILITY, labels("NORMAL", "普通劳动力", "SKILLED", "技能劳动力", "PARTIAL", "弱劳动力",
                "NONE", "无劳动力"));
        VALUES.put(PolicyFact.WORK_STATUS, labels("WORKING", "务工", "FARMING", "务农", "STUDYING", "在校就读", "NONE", "无"));
        VALUES.put(PolicyFact.WORK_PLACE, labels("NONE", "无", "IN_TOWNSHIP", "乡镇内", "IN_COUNTY", "县内乡外",
                "IN_PROVINCE", "省内县外", "OUTSIDE_PROVINCE", "省外", "ABROAD", "境外"));
        VALUES.put(PolicyFact.ASSISTANCE_STATUS, labels("NONE", "无", "DIBAO", "低保", "TEKUN", "特困"));
    }

    private static final Map<PolicyFact, String> NAMES = Map.ofEntries(
            Map.entry(PolicyFact.CATEGORY, "农户类别"), Map.entry(PolicyFact.MONITORING_TYPE, "监测对象类型"),
            Map.entry(PolicyFact.RISK_TYPE, "风险类型"), Map.entry(PolicyFact.REGION, "所在区划"),
            Map.entry(PolicyFact.INCOME_PER_CAPITA, "最近年度人均纯收入"), Map.entry(PolicyFact.INCOME_THRESHOLD_RATIO, "人均纯收入"),
            Map.entry(PolicyFact.MEMBER_COUNT, "家庭人口"), Map.entry(PolicyFact.AGE, "年龄"), Map.entry(PolicyFact.GENDER, "性别"),
            Map.entry(PolicyFact.RELATION, "与户主关系"), Map.entry(PolicyFact.HEALTH, "健康状况"),
            Map.entry(PolicyFact.DISABILITY_GRADE, "残疾等级"), Map.entry(PolicyFact.SCHOOLING_STATUS, "在校生状况"),
            Map.entry(PolicyFact.LABOR_ABILITY, "劳动能力"), Map.entry(PolicyFact.WORK_STATUS, "务工状况"),
            Map.entry(PolicyFact.WORK_PLACE, "务工地点"), Map.entry(PolicyFact.ASSISTANCE_STATUS, "低保特困"));

    private static final Map<PolicyFact, String[]> YES_NO = Map.of(
            PolicyFact.HOUSING_SAFE, new String[] {"住房安全", "住房不安全"},
            PolicyFact.WATER_SAFE, new String[] {"饮水安全", "饮水不安全"},
            PolicyFact.RISK_ELIMINATED, new String[] {"风险已消除", "风险未消除"},
            PolicyFact.MEDICAL_INSURED, new String[] {"参加医保", "未参加医保"},
            PolicyFact.PENSION_INSURED, new String[] {"参加养老保险", "未参加养老保险"});

    private static final Map<PolicyFact, String> UNITS = Map.of(PolicyFact.AGE, " 岁", PolicyFact.DISABILITY_GRADE, " 级",
            PolicyFact.INCOME_PER_CAPITA, " 元", PolicyFact.MEMBER_COUNT, " 人", PolicyFact.INCOME_THRESHOLD_RATIO, " 倍");

    private ConditionRules() {
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    // ---- validation ----

    /** Every fault of the tree, each with its path under {@code root} (e.g. "conditions.all[1].values"). */
    public static List<FieldError> validate(PolicyCondition c, String root) {
        List<FieldError> errors = new ArrayList<>();
        if (c == null) {
            errors.add(new FieldError(root, "请填写条件"));
            return errors;
        }
        int[] leaves = {0};
        check(c, root, 1, false, errors, leaves);
        if (leaves[0] > MAX_LEAVES) {
            errors.add(new FieldError(root, "条件最多 " + MAX_LEAVES + " 项，当前 " + leaves[0] + " 项"));
        }
        return errors;
    }

    private static void check(PolicyCondition c, String path, int depth, boolean inMember, List<FieldError> errors,
                              int[] leaves) {
        if (c == null) {
            errors.add(new FieldError(path, "条件不能为空"));
            return;
        }
        if (depth > MAX_DEPTH) {
            errors.add(new FieldError(path, "条件最多 " + MAX_DEPTH + " 层"));
            return;
        }
        int forms = (c.all() != null ? 1 : 0) + (c.any() != null ? 1 : 0) + (c.negated() != null ? 1 : 0)
                + (c.member() != null ? 1 : 0) + (c.fact() != null ? 1 : 0);
        if (forms == 0) {
            errors.add(new FieldError(path, "条件为空：请使用 all、any、not、member 之一，或填写 fact"));
            return;
        }
        if (forms > 1) {
            errors.add(new FieldError(path, "每个条件只能用一种写法（all、any、not、member 或 fact 之一）"));
            return;
        }
        if (c.fact() == null && (c.op() != null || c.values() != null || c.number() != null)) {
            errors.add(new FieldError(path, "op、values、number 只能与 fact 一起使用"));
            return;
        }
        if (c.all() != null || c.any() != null) {
            String key = c.all() != null ? "all" : "any";
            List<PolicyCondition> list = c.all() != null ? c.all() : c.any();
            if (list.isEmpty()) {
                errors.add(new FieldError(path + "." + key, "至少要有一项条件"));
            }
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "." + key + "[" + i + "]", depth + 1, inMember, errors, leaves);
            }
        } else if (c.negated() != null) {
            check(c.negated(), path + ".not", depth + 1, inMember, errors, leaves);
        } else if (c.member() != null) {
            if (inMember) {
                errors.add(new FieldError(path + ".member", "member 内不能再套 member"));
                return;
            }
            check(c.member(), path + ".member", depth + 1, true, errors, leaves);
        } else {
            leaves[0]++;
            leaf(c, path, inMember, errors);
        }
    }

    private static void leaf(PolicyCondition c, String path, boolean inMember, List<FieldError> errors) {
        PolicyFact f = c.fact();
        if (f.isMember() && !inMember) {
            errors.add(new FieldError(path + ".fact", "「" + name(f) + "」是家庭成员的条件，只能写在 member 中"));
            return;
        }
        if (!f.isMember() && inMember) {
            errors.add(new FieldError(path + ".fact", "「" + name(f) + "」是户的条件，不能写在 member 中"));
            return;
        }
        if (c.op() == null) {
            errors.add(new FieldError(path + ".op", "请选择比较方式"));
            return;
        }
        switch (f.kind()) {
            case CODE -> {
                if (c.op() != ConditionOp.IN && c.op() != ConditionOp.NOT_IN) {
                    errors.add(new FieldError(path + ".op", "「" + name(f) + "」只能用 IN 或 NOT_IN"));
                } else if (c.number() != null) {
                    errors.add(new FieldError(path + ".number", "「" + name(f) + "」不与数值比较，请改用 values"));
                } else if (c.values() == null || c.values().isEmpty()) {
                    errors.add(new FieldError(path + ".values", "请至少选择一个取值"));
                } else if (c.values().size() > MAX_VALUES) {
                    errors.add(new FieldError(path + ".values", "取值最多 " + MAX_VALUES + " 个"));
                } else {
                    for (String v : c.values()) {
                        if (!allowed(f, v)) {
                            errors.add(new FieldError(path + ".values", f == PolicyFact.REGION
                                    ? "区划代码应为 12 位数字：" + v
                                    : "取值无效：" + v + "，可选值：" + String.join(", ", VALUES.get(f).keySet())));
                            break;
                        }
                    }
                }
            }
            case NUMBER -> {
                if (c.op() == ConditionOp.IN || c.op() == ConditionOp.NOT_IN || c.op() == ConditionOp.IS_TRUE
                        || c.op() == ConditionOp.IS_FALSE) {
                    errors.add(new FieldError(path + ".op", "「" + name(f) + "」只能用 LT、LE、GT、GE 与数值比较"));
                } else if (c.values() != null) {
                    errors.add(new FieldError(path + ".values", "「" + name(f) + "」与数值比较，请改用 number"));
                } else if (c.number() == null) {
                    errors.add(new FieldError(path + ".number", "请填写用于比较的数值"));
                } else if (c.number().abs().compareTo(new BigDecimal("1000000000")) > 0 || c.number().scale() > 4) {
                    errors.add(new FieldError(path + ".number", "数值超出范围（最多 4 位小数）"));
                }
            }
            case BOOLEAN -> {
                if (c.op() != ConditionOp.IS_TRUE && c.op() != ConditionOp.IS_FALSE) {
                    errors.add(new FieldError(path + ".op", "「" + yesNo(f)[0] + "」只能用 IS_TRUE 或 IS_FALSE"));
                } else if (c.values() != null) {
                    errors.add(new FieldError(path + ".values", "是否类条件不需要 values"));
                } else if (c.number() != null) {
                    errors.add(new FieldError(path + ".number", "是否类条件不需要 number"));
                }
            }
            default -> throw new IllegalStateException(f.name());
        }
    }

    private static boolean allowed(PolicyFact f, String v) {
        if (v == null) {
            return false;
        }
        if (f == PolicyFact.REGION) {
            return RegionCodes.isValid(v);
        }
        return VALUES.get(f).containsKey(v);
    }

    // ---- Chinese text ----

    /** The tree in Chinese; region codes are named through {@code regionNames} (the code itself when unknown). */
    public static String describe(PolicyCondition c, Function<String, String> regionNames) {
        if (c.all() != null) {
            return join(c.all(), "，且 ", regionNames);
        }
        if (c.any() != null) {
            return join(c.any(), "，或 ", regionNames);
        }
        if (c.negated() != null) {
            return "不满足：" + nested(c.negated(), regionNames);
        }
        if (c.member() != null) {
            return "家中有成员：" + describe(c.member(), regionNames);
        }
        return leaf(c, regionNames);
    }

    private static String join(List<PolicyCondition> list, String separator, Function<String, String> regionNames) {
        if (list.size() == 1) {
            return describe(list.get(0), regionNames);
        }
        List<String> parts = new ArrayList<>();
        list.forEach(x -> parts.add(nested(x, regionNames)));
        return String.join(separator, parts);
    }

    /** A part inside a longer sentence: a combination of several parts is bracketed. */
    private static String nested(PolicyCondition c, Function<String, String> regionNames) {
        boolean several = (c.all() != null && c.all().size() > 1) || (c.any() != null && c.any().size() > 1);
        String text = describe(c, regionNames);
        return several ? "（" + text + "）" : text;
    }

    private static String leaf(PolicyCondition c, Function<String, String> regionNames) {
        PolicyFact f = c.fact();
        return switch (f.kind()) {
            case BOOLEAN -> yesNo(f)[c.op() == ConditionOp.IS_TRUE ? 0 : 1];
            case NUMBER -> {
                String n = c.number() == null ? "?" : c.number().stripTrailingZeros().toPlainString();
                if (f == PolicyFact.INCOME_THRESHOLD_RATIO) {
                    yield "人均纯收入" + compareWord(c.op()) + "当年本省监测范围的 " + n + " 倍";
                }
                yield name(f) + compareWord(c.op()) + " " + n + UNITS.get(f);
            }
            case CODE -> {
                List<String> labels = new ArrayList<>();
                for (String v : c.values() == null ? List.<String>of() : c.values()) {
                    labels.add(f == PolicyFact.REGION ? regionNames.apply(v) : VALUES.get(f).getOrDefault(v, v));
                }
                String list = String.join("、", labels);
                boolean in = c.op() == ConditionOp.IN;
                if (f == PolicyFact.RISK_TYPE) {
                    yield in ? "风险类型含" + list + (labels.size() > 1 ? "（任一）" : "") : "风险类型不含" + list;
                }
                if (f == PolicyFact.REGION) {
                    yield in ? "位于" + list + (labels.size() > 1 ? "之一" : "") : "不在" + list;
                }
                if (in) {
                    yield name(f) + "为" + list + (labels.size() > 1 ? "之一" : "");
                }
                yield name(f) + "不是" + list;
            }
        };
    }

    private static String compareWord(ConditionOp op) {
        return switch (op) {
            case LT -> "低于";
            case LE -> "不超过";
            case GT -> "高于";
            case GE -> "不低于";
            default -> op.name();
        };
    }

    static String name(PolicyFact f) {
        String n = NAMES.get(f);
        return n != null ? n : yesNo(f)[0];
    }

    private static String[] yesNo(PolicyFact f) {
        return YES_NO.getOrDefault(f, new String[] {f.name(), f.name()});
    }

    /** The 12-digit codes a tree names in REGION leaves (to look up their names before describing). */
    public static List<String> regionCodes(PolicyCondition c) {
        List<String> out = new ArrayList<>();
        collect(c, out);
        return out;
    }

    private static void collect(PolicyCondition c, List<String> out) {
        if (c == null) {
            return;
        }
        if (c.all() != null) {
            c.all().forEach(x -> collect(x, out));
        } else if (c.any() != null) {
            c.any().forEach(x -> collect(x, out));
        } else if (c.negated() != null) {
            collect(c.negated(), out);
        } else if (c.member() != null) {
            collect(c.member(), out);
        } else if (c.fact() == PolicyFact.REGION && c.values() != null) {
            c.values().stream().filter(RegionCodes::isValid).forEach(out::add);
        }
    }
}
