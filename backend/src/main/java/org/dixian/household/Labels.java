package org.dixian.household;

import java.util.Map;

/** Chinese names of the registry's code lists, for exports and templates (glossary of DOMAIN.md). */
public final class Labels {
    private static final Map<HouseholdCategory, String> CATEGORY = Map.of(
            HouseholdCategory.GENERAL, "一般农户", HouseholdCategory.LIFTED, "脱贫户", HouseholdCategory.MONITORED, "监测对象");
    private static final Map<MonitoringType, String> MONITORING = Map.of(
            MonitoringType.UNSTABLE_LIFTED, "脱贫不稳定户", MonitoringType.MARGINAL, "边缘易致贫户",
            MonitoringType.SUDDEN_HARDSHIP, "突发严重困难户");
    private static final Map<RiskType, String> RISK = Map.ofEntries(
            Map.entry(RiskType.ILLNESS, "因病"), Map.entry(RiskType.DISABILITY, "因残"), Map.entry(RiskType.EDUCATION, "因学"),
            Map.entry(RiskType.DISASTER, "因灾"), Map.entry(RiskType.ACCIDENT, "因意外事故"),
            Map.entry(RiskType.INDUSTRY_FAILURE, "因产业项目失败"), Map.entry(RiskType.UNSTABLE_EMPLOYMENT, "因务工就业不稳"),
            Map.entry(RiskType.LABOR_SHORTAGE, "缺劳动力"), Map.entry(RiskType.HOUSING, "住房出现安全问题"),
            Map.entry(RiskType.DROPOUT, "义务教育阶段失学辍学"), Map.entry(RiskType.WATER, "饮水安全问题"),
            Map.entry(RiskType.EXPENDITURE_OR_INCOME_DROP, "刚性支出较大或收入大幅缩减"), Map.entry(RiskType.OTHER, "其他"));

    /** Member code lists: Chinese label → code (the importer also accepts the codes themselves). */
    static final Map<String, Map<String, String>> MEMBER = Map.of(
            "relation", Map.ofEntries(Map.entry("户主", "HEAD"), Map.entry("配偶", "SPOUSE"), Map.entry("儿子", "SON"),
                    Map.entry("女儿", "DAUGHTER"), Map.entry("儿媳", "DAUGHTER_IN_LAW"), Map.entry("女婿", "SON_IN_LAW"),
                    Map.entry("孙子", "GRANDSON"), Map.entry("孙女", "GRANDDAUGHTER"), Map.entry("父亲", "FATHER"),
                    Map.entry("母亲", "MOTHER"), Map.entry("兄弟姐妹", "SIBLING"), Map.entry("其他", "OTHER")),
            "health", Map.of("健康", "HEALTHY", "慢性病", "CHRONIC", "大病", "SERIOUS", "残疾", "DISABLED"),
            "laborAbility", Map.of("普通劳动力", "NORMAL", "技能劳动力", "SKILLED", "弱劳动力", "PARTIAL", "无劳动力", "NONE"),
            "workPlace", Map.of("无", "NONE", "乡镇内", "IN_TOWNSHIP", "县内", "IN_COUNTY", "省内", "IN_PROVINCE",
                    "省外", "OUTSIDE_PROVINCE", "境外", "ABROAD"),
            "assistanceStatus", Map.of("无", "NONE", "低保", "DIBAO", "特困", "TEKUN"));

    private Labels() {
    }

    /** A code from its Chinese label or itself; null when blank; the input unchanged when unknown (validated later). */
    static String memberCode(String list, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        return MEMBER.get(list).getOrDefault(v, v);
    }

    static HouseholdCategory categoryOf(String v) {
        return parse(CATEGORY, HouseholdCategory.class, v);
    }

    static MonitoringType monitoringTypeOf(String v) {
        return parse(MONITORING, MonitoringType.class, v);
    }

    static RiskType riskTypeOf(String v) {
        return parse(RISK, RiskType.class, v);
    }

    /** Label or code → constant; null when blank; IllegalArgumentException when unknown. */
    private static <E extends Enum<E>> E parse(Map<E, String> labels, Class<E> type, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String t = v.trim();
        for (var e : labels.entrySet()) {
            if (e.getValue().equals(t) || e.getKey().name().equals(t)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("取值无效，可选：" + String.join("、", labels.values()));
    }

    static String category(HouseholdCategory c) {
        return CATEGORY.get(c);
    }

    public static String monitoringType(MonitoringType t) {
        return MONITORING.get(t);
    }

    static String riskType(RiskType r) {
        return RISK.get(r);
    }
}
