package org.dixian.policy;

import org.dixian.platform.text.RichText;
import org.dixian.platform.errors.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.dixian.policy.PolicyCondition.allOf;
import static org.dixian.policy.PolicyCondition.anyOf;
import static org.dixian.policy.PolicyCondition.compare;
import static org.dixian.policy.PolicyCondition.in;
import static org.dixian.policy.PolicyCondition.is;
import static org.dixian.policy.PolicyCondition.memberWith;
import static org.dixian.policy.PolicyCondition.not;
import static org.dixian.policy.PolicyCondition.notIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation, Chinese text, the Java evaluator and the explanation of conditions, without Quarkus. */
class ConditionRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final ThresholdLookup THRESHOLDS = new ThresholdLookup() {
        @Override
        public BigDecimal threshold(String province, int year) {
            return province.equals("41") && year == 2025 ? new BigDecimal("8000") : fallback();
        }

        @Override
        public BigDecimal fallback() {
            return new BigDecimal("7800");
        }
    };
    final JavaEvaluator eval = new JavaEvaluator(TODAY, THRESHOLDS);

    static HouseholdFacts.Member person(int age, String health, Integer grade) {
        return new HouseholdFacts.Member(TODAY.minusYears(age).minusDays(1), "MALE", "HEAD", health, grade, null, "NORMAL",
                "FARMING", "NONE", "NONE", true, null);
    }

    static HouseholdFacts household(String category, BigDecimal income, HouseholdFacts.Member... members) {
        return new HouseholdFacts(1, "410225101201", category, category.equals("MONITORED") ? "MARGINAL" : null,
                List.of("ILLNESS"), true, null, false, members.length, income, income == null ? null : 2025, List.of(members));
    }

    private static List<String> fields(PolicyCondition c) {
        return ConditionRules.validate(c, "conditions").stream().map(FieldError::field).toList();
    }

    @Test
    void aValidTreeHasNoErrors() {
        assertEquals(List.of(), fields(allOf(in(PolicyFact.CATEGORY, "MONITORED"),
                memberWith(allOf(compare(PolicyFact.AGE, ConditionOp.GE, "60"), compare(PolicyFact.DISABILITY_GRADE, ConditionOp.LE, "2"))),
                not(is(PolicyFact.HOUSING_SAFE, true)))));
    }

    @Test
    void eachFaultIsNamedByItsPath() {
        assertEquals(List.of("conditions.all[1].values"), fields(allOf(in(PolicyFact.CATEGORY, "MONITORED"),
                in(PolicyFact.RISK_TYPE, "ILLNESS", "NO_SUCH_RISK"))));
        assertEquals(List.of("conditions.all[0].fact"), fields(allOf(compare(PolicyFact.AGE, ConditionOp.GE, "60"))));
        assertEquals(List.of("conditions.member.fact"), fields(memberWith(in(PolicyFact.CATEGORY, "LIFTED"))));
        assertEquals(List.of("conditions.member.member"), fields(memberWith(memberWith(in(PolicyFact.HEALTH, "SERIOUS")))));
        assertEquals(List.of("conditions.op"), fields(new PolicyCondition(null, null, null, null, PolicyFact.CATEGORY,
                ConditionOp.GE, null, BigDecimal.ONE)));
        assertEquals(List.of("conditions.number"), fields(new PolicyCondition(null, null, null, null, PolicyFact.MEMBER_COUNT,
                ConditionOp.GE, null, null)));
        assertEquals(List.of("conditions.op"), fields(new PolicyCondition(null, null, null, null, PolicyFact.WATER_SAFE,
                ConditionOp.IN, null, null)));
        assertEquals(List.of("conditions.values"), fields(in(PolicyFact.REGION, "4102")));
        // two forms in one node; an empty node; an empty list
        assertEquals(List.of("conditions"), fields(new PolicyCondition(List.of(is(PolicyFact.WATER_SAFE, true)), null, null,
                null, PolicyFact.CATEGORY, ConditionOp.IN, List.of("LIFTED"), null)));
        assertEquals(List.of("conditions.any[0]"), fields(anyOf(new PolicyCondition(null, null, null, null, null, null, null, null))));
        assertEquals(List.of("conditions.all"), fields(new PolicyCondition(List.of(), null, null, null, null, null, null, null)));
    }

    @Test
    void depthAndLeafCountAreLimited() {
        PolicyCondition deep = is(PolicyFact.WATER_SAFE, true);
        for (int i = 0; i < 6; i++) {
            deep = not(deep);
        }
        assertEquals(List.of("conditions.not.not.not.not.not.not"), fields(deep));
        PolicyCondition[] many = new PolicyCondition[51];
        java.util.Arrays.fill(many, is(PolicyFact.WATER_SAFE, true));
        assertEquals(List.of("conditions"), fields(allOf(many)));
    }

    @Test
    void describesInChinese() {
        assertEquals("家中有成员：年龄不低于 60 岁，且 残疾等级不超过 2 级", ConditionRules.describe(memberWith(allOf(
                compare(PolicyFact.AGE, ConditionOp.GE, "60"), compare(PolicyFact.DISABILITY_GRADE, ConditionOp.LE, "2"))), c -> c));
        assertEquals("农户类别为监测对象、脱贫户之一，且 （风险类型含因病，或 人均纯收入低于当年本省监测范围的 1.5 倍），且 不满足：住房安全",
                ConditionRules.describe(allOf(in(PolicyFact.CATEGORY, "MONITORED", "LIFTED"),
                        anyOf(in(PolicyFact.RISK_TYPE, "ILLNESS"), compare(PolicyFact.INCOME_THRESHOLD_RATIO, ConditionOp.LT, "1.5")),
                        not(is(PolicyFact.HOUSING_SAFE, true))), c -> c));
        assertEquals("位于兰考县", ConditionRules.describe(in(PolicyFact.REGION, "410225000000"), c -> "兰考县"));
    }

    @Test
    void evaluatesAHousehold() {
        HouseholdFacts h = household("MONITORED", new BigDecimal("11999"), person(66, "DISABLED", 2), person(30, "HEALTHY", null));
        assertTrue(eval.test(memberWith(allOf(compare(PolicyFact.AGE, ConditionOp.GE, "60"),
                compare(PolicyFact.DISABILITY_GRADE, ConditionOp.LE, "2"))), h));
        // one member must satisfy both: the 30-year-old is healthy, the 66-year-old is not under 40
        assertFalse(eval.test(memberWith(allOf(compare(PolicyFact.AGE, ConditionOp.LT, "40"), in(PolicyFact.HEALTH, "DISABLED"))), h));
        // 11999 < 1.5 × 8000 (Henan 2025): the configured year counts, not the default
        assertTrue(eval.test(compare(PolicyFact.INCOME_THRESHOLD_RATIO, ConditionOp.LT, "1.5"), h));
        assertFalse(eval.test(compare(PolicyFact.INCOME_THRESHOLD_RATIO, ConditionOp.LT, "1.4"), h));
        // null facts are false both ways; not of them is true
        assertFalse(eval.test(is(PolicyFact.WATER_SAFE, true), h));
        assertFalse(eval.test(is(PolicyFact.WATER_SAFE, false), h));
        assertTrue(eval.test(not(is(PolicyFact.WATER_SAFE, true)), h));
        assertFalse(eval.test(notIn(PolicyFact.MONITORING_TYPE, "UNSTABLE_LIFTED"), household("GENERAL", null)));
        assertFalse(eval.test(compare(PolicyFact.INCOME_PER_CAPITA, ConditionOp.LT, "99999"), household("GENERAL", null)));
        assertTrue(eval.test(in(PolicyFact.REGION, "410225000000"), h));
        assertFalse(eval.test(in(PolicyFact.REGION, "410224000000"), h));
        assertTrue(eval.test(notIn(PolicyFact.RISK_TYPE, "HOUSING", "WATER"), h));
    }

    @Test
    void explainsWhatIsMetAndWhatIsMissing() {
        HouseholdFacts h = household("MONITORED", new BigDecimal("9000"), person(70, "CHRONIC", null));
        PolicyCondition c = allOf(in(PolicyFact.CATEGORY, "MONITORED"), memberWith(in(PolicyFact.HEALTH, "SERIOUS", "CHRONIC")),
                is(PolicyFact.HOUSING_SAFE, false));
        Explainer.Result r = new Explainer(eval, x -> x).explain(c, h);
        assertFalse(r.eligible());
        assertTrue(r.nearlyMet());
        assertEquals(List.of("住房不安全"), r.missing());
        assertEquals(List.of(new PolicyCheck("农户类别为监测对象", true), new PolicyCheck("家中有成员：健康状况为大病、长期慢性病之一", true),
                new PolicyCheck("住房不安全", false)), r.checks());
        Explainer.Result ok = new Explainer(eval, x -> x).explain(allOf(in(PolicyFact.CATEGORY, "MONITORED"),
                anyOf(is(PolicyFact.HOUSING_SAFE, false), memberWith(in(PolicyFact.HEALTH, "CHRONIC")))), h);
        assertTrue(ok.eligible());
        assertEquals("符合：农户类别为监测对象；家中有成员：健康状况为长期慢性病", ok.reason());
    }

    @Test
    void sanitisesRichText() {
        String dirty = "<h3>标题</h3><p onclick=\"x()\" style=\"color:red\">正文<script>alert(1)</script>"
                + "<a href=\"javascript:alert(1)\">坏</a><a href=\"https://example.gov.cn/a\">好</a></p><img src=x onerror=y>"
                + "<table><tr><td>表</td></tr></table>";
        String clean = RichText.clean(dirty);
        assertFalse(clean.contains("script") || clean.contains("onclick") || clean.contains("style") || clean.contains("img")
                || clean.contains("javascript"), clean);
        assertTrue(clean.contains("<h3>标题</h3>") && clean.contains("href=\"https://example.gov.cn/a\"") && clean.contains("<td>表</td>"), clean);
    }

    @Test
    void splitsTextAtTheSearchWords() {
        assertEquals(List.of(new TextPart("农村", false), new TextPart("医疗", true), new TextPart("救助和", false),
                new TextPart("医疗", true)), TextParts.split("农村医疗救助和医疗", "医疗"));
        assertEquals(List.of(new TextPart("雨露计划", true), new TextPart("补助", false)), TextParts.split("雨露计划补助", "雨露 计划"));
    }
}
