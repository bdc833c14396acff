package org.dixian.demo;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.policy.ConditionOp;
import org.dixian.policy.NewPolicy;
import org.dixian.policy.PolicyCategory;
import org.dixian.policy.PolicyCondition;
import org.dixian.policy.PolicyFact;
import org.dixian.policy.PolicyService;
import org.dixian.policy.PolicyVersion;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Three published demo policies of 兰考县 with conditions (政策找人 has something to find). Modelled on common county
 * practice; the document numbers say 示例 on purpose: these are not real documents.
 */
@ApplicationScoped
public class DemoPolicies {
    private final PolicyService policies;

    public DemoPolicies(PolicyService policies) {
        this.policies = policies;
    }

    Uni<Void> seed(long countyCadreId) {
        Scope county = new Scope(countyCadreId, Long.toString(countyCadreId), Role.COUNTY_CADRE, DemoData.COUNTY, 3, null, Set.of());
        LocalDate from = LocalDate.of(2025, 1, 1);
        List<NewPolicy> list = List.of(
                new NewPolicy("防返贫医疗救助", "示例", "兰考县医疗保障局", DemoData.COUNTY, PolicyCategory.HEALTH, from, null,
                        "家里有大病或长期慢性病患者的监测对象，住院和门诊慢特病费用经基本医保、大病保险报销后，个人自付部分可再申请医疗救助。",
                        "自付医疗费用按比例救助", "<h3>救助对象</h3><p>纳入防返贫监测的农户中患大病或长期慢性病的家庭成员。</p>"
                        + "<h3>办理方式</h3><p>向村委会或乡镇医保经办窗口提出申请。</p>", null,
                        PolicyCondition.allOf(PolicyCondition.in(PolicyFact.CATEGORY, "MONITORED"),
                                PolicyCondition.is(PolicyFact.RISK_ELIMINATED, false),
                                PolicyCondition.memberWith(PolicyCondition.in(PolicyFact.HEALTH, "SERIOUS", "CHRONIC")))),
                new NewPolicy("雨露计划职业教育补助", "示例", "兰考县乡村振兴局", DemoData.COUNTY, PolicyCategory.EDUCATION, from, null,
                        "脱贫家庭和监测对象家庭的子女就读中职、高职的，每学期可申请雨露计划补助。", "每生每学期补助",
                        "<p>就读中等职业教育、高等职业教育的学生，凭学籍证明向户籍所在村申请。</p>", null,
                        PolicyCondition.allOf(PolicyCondition.in(PolicyFact.CATEGORY, "LIFTED", "MONITORED"),
                                PolicyCondition.memberWith(PolicyCondition.in(PolicyFact.SCHOOLING_STATUS,
                                        "SECONDARY_VOCATIONAL", "HIGHER_VOCATIONAL")))),
                new NewPolicy("困难残疾人生活补贴和重度残疾人护理补贴", "示例", "兰考县残疾人联合会", DemoData.COUNTY,
                        PolicyCategory.SOCIAL_ASSISTANCE, from, null,
                        "家中有一级、二级重度残疾人的，可申请护理补贴；低保家庭的残疾人可申请生活补贴。", "按月发放补贴",
                        "<p>持第二代残疾人证向乡镇残联申请，经审核后按月发放。</p>", null,
                        PolicyCondition.memberWith(PolicyCondition.allOf(PolicyCondition.in(PolicyFact.HEALTH, "DISABLED"),
                                PolicyCondition.compare(PolicyFact.DISABILITY_GRADE, ConditionOp.LE, "2")))));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (NewPolicy p : list) {
            chain = chain.chain(() -> policies.create(county, p, null)
                    .chain(created -> policies.publish(county, created.id(), new PolicyVersion(created.version())))
                    .replaceWithVoid());
        }
        return chain;
    }
}
