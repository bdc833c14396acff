package org.dixian.policy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dixian.synthetic.HouseholdGenerator;
import org.dixian.synthetic.SyntheticHousehold;
import org.dixian.synthetic.SyntheticPlan;
import org.dixian.synthetic.Village;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The property that makes 政策找人 trustworthy: for random condition trees (seeded), the SQL translation over the
 * registry selects exactly the households the Java evaluator accepts. Households come from the synthetic generator
 * (then varied so that monitored households, missing incomes and unknown facts are common) and are written to the
 * villages of 杞县阳堌镇 (410221106), which no other test uses.
 */
@QuarkusTest
class PolicyAgreementTest {
    static final String TOWNSHIP = "410221106000";
    static final long SEED = 20260601L;
    static final int TREES = 300;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    PolicyReads reads;
    @Inject
    Thresholds thresholds;
    @Inject
    Clock clock;

    @BeforeEach
    @AfterEach
    void clean() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String mine = "(select id from household where region_code >= '410221106000' and region_code < '410221107000')";
            s.execute("delete from household_income where household_id in " + mine);
            s.execute("delete from member where household_id in " + mine);
            s.execute("delete from household where id in " + mine);
        }
    }

    @Test
    void sqlAndJavaSelectTheSameHouseholds() throws SQLException {
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = load(today);
        assertTrue(ids.size() >= 300, "households " + ids.size());
        List<HouseholdFacts> facts = reads.facts(ids).await().indefinitely();
        assertEquals(ids.size(), facts.size());
        String[] range = {TOWNSHIP, "410221107000"};
        JavaEvaluator java = new JavaEvaluator(today, thresholds);
        Trees trees = new Trees(new SplittableRandom(SEED), today);
        int split = 0;
        for (int i = 0; i < TREES; i++) {
            PolicyCondition c = trees.tree(1, false);
            assertEquals(List.of(), ConditionRules.validate(c, "conditions"), "generated tree must be valid");
            List<Long> bySql = reads.eligibleIds(c, range, today, thresholds).await().indefinitely();
            List<Long> byJava = facts.stream().filter(h -> java.test(c, h)).map(HouseholdFacts::id).toList();
            assertEquals(byJava, bySql, () -> "tree " + ConditionRules.describe(c, x -> x));
            if (!bySql.isEmpty() && bySql.size() < ids.size()) {
                split++;
            }
        }
        // Most trees must separate the households, or the comparison proves little.
        assertTrue(split > TREES / 3, "trees that split the sample: " + split);
    }

    /** Generates about 400 households, varies them, and writes them; answers their ids. */
    private List<Long> load(LocalDate today) throws SQLException {
        List<Village> villages = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select code, name from region where level = 5 and code like '410221106%' order by code limit 4")) {
            while (rs.next()) {
                villages.add(new Village(rs.getString(1), rs.getString(2), "阳堌镇"));
            }
        }
        assertTrue(!villages.isEmpty(), "villages of 阳堌镇");
        SyntheticPlan plan = SyntheticPlan.of(villages, 400, SEED);
        HouseholdGenerator generator = new HouseholdGenerator(today);
        SplittableRandom vary = new SplittableRandom(SEED + 1);
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement hh = c.prepareStatement("""
                    insert into household (household_no, region_code, address, category, monitoring_type, risk_types,
                        risk_eliminated, housing_safe, water_safe, head_name, member_count)
                    values (?, ?, '测试', ?, ?, ?::varchar[], ?, ?, ?, ?, ?) returning id""");
                 PreparedStatement mm = c.prepareStatement("""
                    insert into member (household_id, name, id_card_enc, id_card_hash, gender, birth_date, relation,
                        schooling_status, health, disability_grade, labor_ability, work_status, work_place, pension_insured,
                        medical_insured, assistance_status) values (?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement ii = c.prepareStatement("""
                    insert into household_income (household_id, year, members, per_capita_net) values (?, ?, ?, ?)""")) {
                for (SyntheticPlan.Chunk chunk : plan.chunks()) {
                    for (SyntheticHousehold h : generator.generate(chunk, 1)) {
                        String category = h.category();
                        String type = h.monitoringType();
                        List<String> risks = h.riskTypes();
                        if (vary.nextDouble() < 0.3) {
                            category = "MONITORED";
                            type = List.of("UNSTABLE_LIFTED", "MARGINAL", "SUDDEN_HARDSHIP").get(vary.nextInt(3));
                            risks = List.of(List.of("ILLNESS", "DISABILITY", "EDUCATION", "HOUSING").get(vary.nextInt(4)));
                        }
                        hh.setString(1, "T" + UUID.randomUUID().toString().substring(0, 17));
                        hh.setString(2, h.regionCode());
                        hh.setString(3, category);
                        hh.setString(4, type);
                        hh.setArray(5, c.createArrayOf("varchar", risks.toArray()));
                        hh.setBoolean(6, h.riskEliminated());
                        hh.setObject(7, vary.nextDouble() < 0.1 ? null : h.housingSafe());
                        hh.setObject(8, vary.nextDouble() < 0.1 ? null : vary.nextDouble() < 0.2 ? Boolean.FALSE : h.waterSafe());
                        hh.setString(9, h.headName());
                        hh.setInt(10, h.members().size());
                        long id;
                        try (ResultSet rs = hh.executeQuery()) {
                            rs.next();
                            id = rs.getLong(1);
                        }
                        ids.add(id);
                        for (SyntheticHousehold.Member m : h.members()) {
                            mm.setLong(1, id);
                            mm.setString(2, m.name());
                            mm.setString(3, UUID.randomUUID().toString());
                            mm.setString(4, m.gender());
                            mm.setObject(5, m.birthDate());
                            mm.setString(6, m.relation());
                            mm.setString(7, m.schoolingStatus());
                            mm.setString(8, vary.nextDouble() < 0.05 ? null : m.health());
                            mm.setObject(9, m.disabilityGrade());
                            mm.setString(10, m.laborAbility());
                            mm.setString(11, m.workStatus());
                            mm.setString(12, m.workPlace());
                            mm.setBoolean(13, m.pensionInsured());
                            mm.setObject(14, vary.nextDouble() < 0.05 ? null : m.medicalInsured());
                            mm.setString(15, vary.nextDouble() < 0.1 ? List.of("DIBAO", "TEKUN").get(vary.nextInt(2)) : m.assistanceStatus());
                            mm.addBatch();
                        }
                        if (vary.nextDouble() >= 0.1) {
                            for (SyntheticHousehold.Income in : h.incomes()) {
                                ii.setLong(1, id);
                                ii.setInt(2, in.year());
                                ii.setInt(3, in.members());
                                ii.setBigDecimal(4, BigDecimal.valueOf(in.perCapitaNet(), 2));
                                ii.addBatch();
                            }
                        }
                    }
                }
                mm.executeBatch();
                ii.executeBatch();
            }
            c.commit();
        }
        return ids;
    }

    /** Random valid trees: combinators to depth 4, every fact with values from its list or numbers around the data. */
    static final class Trees {
        private final SplittableRandom r;
        private final LocalDate today;
        private static final PolicyFact[] HOUSEHOLD = {PolicyFact.CATEGORY, PolicyFact.MONITORING_TYPE, PolicyFact.RISK_TYPE,
                PolicyFact.REGION, PolicyFact.INCOME_PER_CAPITA, PolicyFact.INCOME_THRESHOLD_RATIO, PolicyFact.HOUSING_SAFE,
                PolicyFact.WATER_SAFE, PolicyFact.RISK_ELIMINATED, PolicyFact.MEMBER_COUNT};
        private static final PolicyFact[] MEMBER = {PolicyFact.AGE, PolicyFact.GENDER, PolicyFact.RELATION, PolicyFact.HEALTH,
                PolicyFact.DISABILITY_GRADE, PolicyFact.SCHOOLING_STATUS, PolicyFact.LABOR_ABILITY, PolicyFact.WORK_STATUS,
                PolicyFact.WORK_PLACE, PolicyFact.ASSISTANCE_STATUS, PolicyFact.MEDICAL_INSURED, PolicyFact.PENSION_INSURED};
        private static final Map<PolicyFact, int[]> NUMBERS = Map.of(PolicyFact.AGE, new int[] {0, 90},
                PolicyFact.DISABILITY_GRADE, new int[] {1, 4}, PolicyFact.MEMBER_COUNT, new int[] {1, 7},
                PolicyFact.INCOME_PER_CAPITA, new int[] {3000, 30000});

        Trees(SplittableRandom r, LocalDate today) {
            this.r = r;
            this.today = today;
        }

        PolicyCondition tree(int depth, boolean inMember) {
            double x = r.nextDouble();
            if (depth < 4 && x < 0.45) {
                int n = 1 + r.nextInt(3);
                List<PolicyCondition> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    parts.add(tree(depth + 1, inMember));
                }
                return r.nextBoolean() ? new PolicyCondition(parts, null, null, null, null, null, null, null)
                        : new PolicyCondition(null, parts, null, null, null, null, null, null);
            }
            if (depth < 4 && x < 0.55) {
                return PolicyCondition.not(tree(depth + 1, inMember));
            }
            if (!inMember && depth < 4 && x < 0.75) {
                return PolicyCondition.memberWith(tree(depth + 1, true));
            }
            return leaf(inMember ? MEMBER[r.nextInt(MEMBER.length)] : HOUSEHOLD[r.nextInt(HOUSEHOLD.length)]);
        }

        private PolicyCondition leaf(PolicyFact f) {
            switch (f.kind()) {
                case BOOLEAN:
                    return PolicyCondition.is(f, r.nextBoolean());
                case NUMBER: {
                    ConditionOp op = List.of(ConditionOp.LT, ConditionOp.LE, ConditionOp.GT, ConditionOp.GE).get(r.nextInt(4));
                    String n;
                    if (f == PolicyFact.INCOME_THRESHOLD_RATIO) {
                        n = BigDecimal.valueOf(5 + r.nextInt(30), 1).toPlainString();
                    } else {
                        int[] span = NUMBERS.get(f);
                        n = Integer.toString(span[0] + r.nextInt(span[1] - span[0] + 1));
                    }
                    return PolicyCondition.compare(f, op, n);
                }
                default: {
                    List<String> all = f == PolicyFact.REGION
                            ? List.of(TOWNSHIP, "410221106200", "410221106201", "410221106202", "410225000000")
                            : new ArrayList<>(ConditionRules.VALUES.get(f).keySet());
                    List<String> pick = new ArrayList<>();
                    int n = 1 + r.nextInt(Math.min(3, all.size()));
                    for (int i = 0; i < n; i++) {
                        String v = all.get(r.nextInt(all.size()));
                        if (!pick.contains(v)) {
                            pick.add(v);
                        }
                    }
                    return new PolicyCondition(null, null, null, null, f, r.nextBoolean() ? ConditionOp.IN : ConditionOp.NOT_IN,
                            pick, null);
                }
            }
        }
    }
}
