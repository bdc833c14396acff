package org.dixian.synthetic;

import org.dixian.platform.idcard.IdCardNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HouseholdGeneratorTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final long SEED = 20210101L;
    private static List<Village> lankao;
    private static List<SyntheticHousehold> sample;

    @BeforeAll
    static void generate() {
        lankao = TestVillages.under("410225");
        sample = all(SyntheticPlan.of(lankao, 6_000, SEED));
    }

    private static List<SyntheticHousehold> all(SyntheticPlan plan) {
        HouseholdGenerator g = new HouseholdGenerator(AS_OF);
        List<SyntheticHousehold> out = new ArrayList<>();
        for (SyntheticPlan.Chunk c : plan.chunks()) {
            out.addAll(g.generate(c, 1));
        }
        return out;
    }

    @Test
    void lankaoHasHundredsOfRealVillages() {
        assertTrue(lankao.size() > 400, "兰考县 villages: " + lankao.size());
        assertEquals(6_000, sample.size());
    }

    @Test
    void sameSeedGivesTheSameHouseholds() {
        List<SyntheticHousehold> again = all(SyntheticPlan.of(lankao, 6_000, SEED));
        assertEquals(sample.subList(0, 500), again.subList(0, 500));
        assertEquals(sample, again);
        List<SyntheticHousehold> other = all(SyntheticPlan.of(lankao, 6_000, SEED + 1));
        assertNotEquals(sample.subList(0, 50), other.subList(0, 50));
    }

    @Test
    void chunksDoNotDependOnEachOther() {
        SyntheticPlan plan = SyntheticPlan.of(lankao, 6_000, SEED);
        SyntheticPlan.Chunk last = plan.chunks().get(plan.chunks().size() - 1);
        List<SyntheticHousehold> alone = new HouseholdGenerator(AS_OF).generate(last, 1);
        assertEquals(sample.subList(sample.size() - alone.size(), sample.size()), alone);
    }

    @Test
    void householdNumbersIdsAndAddresses() {
        Set<String> numbers = new HashSet<>();
        Map<String, String> villageNames = lankao.stream().collect(Collectors.toMap(Village::code, Village::name));
        for (int i = 0; i < sample.size(); i++) {
            SyntheticHousehold h = sample.get(i);
            assertEquals(i + 1, h.id());
            assertTrue(h.householdNo().matches("^410225[0-9]{12}$"), h.householdNo());
            assertEquals(h.regionCode(), h.householdNo().substring(0, 12));
            assertTrue(numbers.add(h.householdNo()), "duplicate " + h.householdNo());
            assertTrue(h.address().contains(villageNames.get(h.regionCode())) && h.address().matches(".*[0-9]+组[0-9]+号$"),
                    h.address());
            assertEquals(h.members().get(0).name(), h.headName());
            assertEquals("HEAD", h.members().get(0).relation());
            assertTrue(h.members().size() >= 1 && h.members().size() <= 7);
        }
    }

    @Test
    void idNumbersAreValidUniqueAndMatchTheMember() {
        Set<String> ids = new HashSet<>();
        for (SyntheticHousehold h : sample) {
            for (SyntheticHousehold.Member m : h.members()) {
                assertEquals(java.util.Optional.empty(), IdCardNumber.problem(m.idCard(), AS_OF), m.idCard());
                IdCardNumber id = IdCardNumber.parse(m.idCard(), AS_OF);
                assertEquals("410225", m.idCard().substring(0, 6), "area = the county");
                assertEquals(m.birthDate(), id.birthDate());
                assertEquals(m.gender(), id.gender().name());
                assertTrue(ids.add(m.idCard()), "duplicate ID " + m.idCard());
            }
        }
    }

    @Test
    void categoryShares() {
        double lifted = share(h -> h.category().equals("LIFTED"));
        double monitored = share(h -> h.category().equals("MONITORED"));
        assertBand("LIFTED share", lifted, 0.06, 0.09);
        assertBand("MONITORED share", monitored, 0.005, 0.015);
        for (SyntheticHousehold h : sample) {
            switch (h.category()) {
                case "LIFTED" -> {
                    assertTrue(h.liftedYear() >= 2014 && h.liftedYear() <= 2020);
                    assertNotNull(h.bankAccount());
                    assertNull(h.monitoringType());
                }
                case "MONITORED" -> {
                    assertNotNull(h.monitoringType());
                    assertTrue(h.riskTypes().size() >= 1 && h.riskTypes().size() <= 2);
                    assertTrue(h.monitoringStart().getYear() >= 2021 && h.monitoringStart().getYear() <= 2025);
                    assertEquals(h.riskEliminated(), h.riskEliminatedOn() != null);
                    assertNotNull(h.bankAccount());
                }
                default -> {
                    assertNull(h.liftedYear());
                    assertTrue(h.riskTypes().isEmpty());
                }
            }
        }
        assertBand("enjoys policy among LIFTED", sample.stream().filter(h -> h.category().equals("LIFTED"))
                .filter(SyntheticHousehold::enjoysPolicy).count() / (double) Math.round(lifted * sample.size()), 0.75, 0.95);
    }

    @Test
    void familySizeAndPeople() {
        double avg = sample.stream().mapToInt(h -> h.members().size()).average().orElseThrow();
        assertBand("average household size", avg, 3.1, 3.5);
        List<SyntheticHousehold.Member> people = sample.stream().flatMap(h -> h.members().stream()).toList();
        double medical = people.stream().filter(SyntheticHousehold.Member::medicalInsured).count() / (double) people.size();
        assertBand("medical insurance", medical, 0.95, 1.0);
        double han = people.stream().filter(m -> m.ethnicity().equals("HAN")).count() / (double) people.size();
        assertBand("Han", han, 0.97, 1.0);
        double dibao = people.stream().filter(m -> !m.assistanceStatus().equals("NONE")).count() / (double) people.size();
        assertBand("DIBAO/TEKUN people", dibao, 0.01, 0.08);
        double adultsWithPhone = people.stream().filter(m -> age(m) >= 18 && age(m) <= 75 && m.phone() != null).count()
                / (double) people.stream().filter(m -> age(m) >= 18 && age(m) <= 75).count();
        assertBand("adults with a phone", adultsWithPhone, 0.8, 0.95);
        for (SyntheticHousehold.Member m : people) {
            if (m.phone() != null) {
                assertTrue(m.phone().matches("^1[3-9][0-9]{9}$"), m.phone());
            }
            if (m.health().equals("DISABLED")) {
                assertTrue(m.disabilityGrade() >= 1 && m.disabilityGrade() <= 4);
            } else {
                assertNull(m.disabilityGrade());
            }
            if (age(m) >= 6 && age(m) <= 14) {
                assertTrue(Set.of("PRIMARY", "JUNIOR_HIGH", "DROPPED_OUT").contains(m.schoolingStatus()), m.toString());
            }
            if (age(m) < 16) {
                assertEquals("NONE", m.laborAbility());
            }
            if (!m.workStatus().equals("WORKING")) {
                assertEquals("NONE", m.workPlace());
            }
        }
        Map<String, Long> relations = people.stream().collect(Collectors.groupingBy(SyntheticHousehold.Member::relation,
                Collectors.counting()));
        for (String r : List.of("HEAD", "SPOUSE", "SON", "DAUGHTER", "DAUGHTER_IN_LAW", "GRANDSON", "GRANDDAUGHTER",
                "FATHER", "MOTHER")) {
            assertTrue(relations.getOrDefault(r, 0L) > 0, "no " + r + " in " + relations);
        }
    }

    @Test
    void incomesAddUpAndAreLowerForSupportedHouseholds() {
        for (SyntheticHousehold h : sample) {
            assertEquals(2, h.incomes().size());
            assertEquals(2024, h.incomes().get(0).year());
            assertEquals(2025, h.incomes().get(1).year());
            for (SyntheticHousehold.Income i : h.incomes()) {
                long net = i.wage() + i.production() + i.property() + i.transfer() - i.productionCost();
                assertEquals(h.members().size(), i.members());
                assertTrue(Math.abs(i.perCapitaNet() * i.members() - net) <= i.members(), "per capita net of " + h.householdNo());
            }
        }
        double general = medianIncome("GENERAL");
        double lifted = medianIncome("LIFTED");
        double monitored = medianIncome("MONITORED");
        assertTrue(general > lifted && lifted > monitored, general + " > " + lifted + " > " + monitored);
        assertBand("monitored median per-capita net (yuan)", monitored, 7_000, 12_000);
    }

    private static double medianIncome(String category) {
        List<Long> v = sample.stream().filter(h -> h.category().equals(category))
                .map(h -> h.incomes().get(1).perCapitaNet() / 100).sorted().toList();
        return v.get(v.size() / 2);
    }

    private static int age(SyntheticHousehold.Member m) {
        return java.time.Period.between(m.birthDate(), AS_OF).getYears();
    }

    private static double share(Predicate<SyntheticHousehold> p) {
        return sample.stream().filter(p).count() / (double) sample.size();
    }

    private static void assertBand(String what, double v, double lo, double hi) {
        assertTrue(v >= lo && v <= hi, what + " = " + v + ", expected " + lo + ".." + hi);
    }
}
