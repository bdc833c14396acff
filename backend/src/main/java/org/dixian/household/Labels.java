package org.dixian.household;

import java.util.Map;

/** Chinese names of the registry's code lists, for exports and templates (glossary of DOMAIN.md). */
final class Labels {
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

    private Labels() {
    }

    static String category(HouseholdCategory c) {
        return CATEGORY.get(c);
    }

    static String monitoringType(MonitoringType t) {
        return MONITORING.get(t);
    }

    static String riskType(RiskType r) {
        return RISK.get(r);
    }
}
