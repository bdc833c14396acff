package org.dixian.synthetic;

import org.dixian.platform.idcard.IdCardNumber;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the households of one township chunk. Pure and deterministic: the same chunk (same seed) and
 * the same reference date give the same households. The shares and ranges below are explained, with their
 * sources, in src-docs/synthetic-data.md.
 */
public final class HouseholdGenerator {
    static final double LIFTED_SHARE = 0.075;
    static final double MONITORED_SHARE = 0.010;

    /** Registered rural household sizes 1..7; mean ≈ 3.3. */
    private static final double[] SIZE_GENERAL = {0.12, 0.24, 0.21, 0.20, 0.14, 0.06, 0.03};
    /** Lifted and monitored households: more elderly people living alone or as couples; mean ≈ 3.1. */
    private static final double[] SIZE_SUPPORTED = {0.16, 0.27, 0.17, 0.17, 0.13, 0.07, 0.03};

    private static final String[] RISKS = {"ILLNESS", "DISABILITY", "LABOR_SHORTAGE", "UNSTABLE_EMPLOYMENT",
            "ACCIDENT", "EDUCATION", "EXPENDITURE_OR_INCOME_DROP", "DISASTER", "INDUSTRY_FAILURE", "HOUSING",
            "OTHER", "WATER", "DROPOUT"};
    private static final double[] RISK_WEIGHTS = {38, 14, 10, 8, 7, 6, 6, 4, 3, 1.5, 1.5, 0.5, 0.5};

    private static final String[] WORK_PLACES = {"OUTSIDE_PROVINCE", "IN_PROVINCE", "IN_COUNTY", "IN_TOWNSHIP", "ABROAD"};
    private static final double[] WORK_PLACE_WEIGHTS = {38, 22, 22, 17.6, 0.4};

    private static final String[] PHONE_PREFIXES = {"130", "131", "132", "133", "134", "135", "136", "137", "138",
            "139", "150", "151", "152", "155", "156", "157", "158", "159", "166", "176", "177", "180", "181", "182",
            "183", "185", "186", "187", "188", "189", "191", "198", "199"};

    private final LocalDate asOf;

    /** {@code asOf}: the reference date for ages, monitoring dates and income years (the last two full years). */
    public HouseholdGenerator(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** The chunk's households; ids are {@code firstId + chunk.firstIndex() + i}. */
    public List<SyntheticHousehold> generate(SyntheticPlan.Chunk chunk, long firstId) {
        SplittableRandom r = new SplittableRandom(chunk.seed());
        Sequences seqs = new Sequences(chunk.slotBase(), chunk.slotSize());
        List<SyntheticHousehold> out = new ArrayList<>(chunk.households());
        long id = firstId + chunk.firstIndex();
        for (int v = 0; v < chunk.villages().size(); v++) {
            Village village = chunk.villages().get(v);
            for (int i = 1; i <= chunk.counts()[v]; i++) {
                out.add(household(r, seqs, village, i, id++));
            }
        }
        return out;
    }

    /** Hands out ID-number sequences unique per (birth date, gender) within the chunk's slice. */
    static final class Sequences {
        private final int base;
        private final int size;
        private final Map<Long, Integer> used = new HashMap<>();

        Sequences(int base, int size) {
            this.base = base;
            this.size = size;
        }

        /** A sequence for the date, or -1 when the slice for that date is full (the caller moves the date). */
        int next(LocalDate birth, boolean male) {
            long key = birth.toEpochDay() * 2 + (male ? 1 : 0);
            int n = used.merge(key, 1, Integer::sum) - 1;
            if (n >= size) {
                return -1;
            }
            return 2 * (base + n) + (male ? 1 : 0);
        }
    }

    private SyntheticHousehold household(SplittableRandom r, Sequences seqs, Village village, int seq, long id) {
        double c = r.nextDouble();
        String category = c < MONITORED_SHARE ? "MONITORED" : c < MONITORED_SHARE + LIFTED_SHARE ? "LIFTED" : "GENERAL";
        boolean supported = !category.equals("GENERAL");

        Integer liftedYear = null;
        Boolean enjoysPolicy = null;
        String monitoringType = null;
        List<String> risks = List.of();
        LocalDate monitoringStart = null;
        boolean eliminated = false;
        LocalDate eliminatedOn = null;
        if (category.equals("LIFTED")) {
            liftedYear = liftedYear(r);
            enjoysPolicy = r.nextDouble() < 0.85;
        } else if (category.equals("MONITORED")) {
            double m = r.nextDouble();
            monitoringType = m < 0.35 ? "UNSTABLE_LIFTED" : m < 0.80 ? "MARGINAL" : "SUDDEN_HARDSHIP";
            if (monitoringType.equals("UNSTABLE_LIFTED")) {
                liftedYear = liftedYear(r);
                enjoysPolicy = true;
            }
            risks = risks(r, monitoringType);
            LocalDate last = LocalDate.of(Math.min(asOf.getYear(), 2025), 12, 31).isAfter(asOf) ? asOf
                    : LocalDate.of(Math.min(asOf.getYear(), 2025), 12, 31);
            LocalDate first = LocalDate.of(2021, 1, 1);
            monitoringStart = first.plusDays(r.nextLong(last.toEpochDay() - first.toEpochDay() + 1));
            eliminated = r.nextDouble() < (monitoringStart.getYear() < 2025 ? 0.60 : 0.25);
            if (eliminated) {
                eliminatedOn = monitoringStart.plusDays(180 + r.nextInt(540));
                if (eliminatedOn.isAfter(asOf)) {
                    eliminatedOn = asOf;
                }
            }
        }
        boolean unresolved = category.equals("MONITORED") && !eliminated;
        boolean housingSafe = !(unresolved && risks.contains("HOUSING")) && r.nextDouble() < 0.997;
        boolean waterSafe = !(unresolved && risks.contains("WATER")) && r.nextDouble() < 0.998;
        String bank = supported ? bankAccount(r) : null;

        List<SyntheticHousehold.Member> members = members(r, seqs, village, category, risks);
        List<SyntheticHousehold.Income> incomes = incomes(r, category, eliminated, members);

        String no = village.code() + Integer.toString(1_000_000 + seq).substring(1);
        String address = village.townshipName() + village.name() + (1 + r.nextInt(12)) + "组" + (1 + r.nextInt(80)) + "号";
        return new SyntheticHousehold(id, no, village.code(), address, category, liftedYear, enjoysPolicy,
                monitoringType, risks, monitoringStart, eliminated, eliminatedOn, housingSafe, waterSafe, bank,
                members, incomes);
    }

    private static int liftedYear(SplittableRandom r) {
        // Most registered households were lifted in the peak years 2016–2019.
        return 2014 + pick(r, new double[] {4, 10, 17, 22, 22, 18, 7});
    }

    private static List<String> risks(SplittableRandom r, String type) {
        double[] w = RISK_WEIGHTS.clone();
        if (type.equals("SUDDEN_HARDSHIP")) {
            w[4] *= 3; // ACCIDENT
            w[7] *= 3; // DISASTER
            w[6] *= 2; // EXPENDITURE_OR_INCOME_DROP
        }
        String first = RISKS[pick(r, w)];
        if (r.nextDouble() < 0.35) {
            String second = RISKS[pick(r, w)];
            if (!second.equals(first)) {
                return List.of(first, second);
            }
        }
        return List.of(first);
    }

    private static String bankAccount(SplittableRandom r) {
        // 19-digit debit card numbers; 622848 (Agricultural Bank), 621799 / 623059 (rural credit / postal).
        String[] bins = {"622848", "621799", "623059", "621098"};
        StringBuilder b = new StringBuilder(bins[r.nextInt(bins.length)]);
        while (b.length() < 19) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private record Plan(String relation, boolean male, int age, String surname) {
    }

    private List<SyntheticHousehold.Member> members(SplittableRandom r, Sequences seqs, Village village,
                                                     String category, List<String> risks) {
        boolean supported = !category.equals("GENERAL");
        int size = 1 + pick(r, supported ? SIZE_SUPPORTED : SIZE_GENERAL);
        List<Plan> plan = composition(r, size);

        // Household-level attributes.
        double e = r.nextDouble();
        String ethnicity = e < 0.988 ? "HAN" : e < 0.998 ? "HUI" : e < 0.999 ? "MANCHU" : "MONGOL";
        boolean dibao = r.nextDouble() < (category.equals("GENERAL") ? 0.01 : category.equals("LIFTED") ? 0.30 : 0.40);
        boolean tekun = size == 1 && plan.get(0).age() >= 60 && r.nextDouble() < (supported ? 0.35 : 0.03);
        String needsIll = risks.contains("ILLNESS") ? "ILLNESS" : null;
        boolean needsDisabled = risks.contains("DISABILITY");
        boolean dropout = risks.contains("DROPOUT");
        double healthFactor = supported ? 1.8 : 1.0;

        List<SyntheticHousehold.Member> out = new ArrayList<>(size);
        for (int i = 0; i < plan.size(); i++) {
            Plan p = plan.get(i);
            int age = p.age();
            LocalDate birth = asOf.minusYears(age).minusDays(r.nextInt(365));
            int seq;
            while ((seq = seqs.next(birth, p.male())) < 0) {
                birth = birth.minusDays(1);
            }
            String idCard = IdCardNumber.of(village.countyArea(), birth, seq);
            String name = p.surname() + Names.given(r, p.male(), birth.getYear());

            String memberEthnicity = p.relation().equals("SPOUSE") || p.relation().equals("DAUGHTER_IN_LAW")
                    ? (r.nextDouble() < 0.95 ? ethnicity : "HAN") : ethnicity;

            // Schooling and education.
            String schooling = schooling(r, age, dropout);
            String education = education(r, age, birth.getYear(), p.male(), schooling);

            // Health: forced for the member that carries the household's illness or disability risk.
            String health;
            if (needsIll != null && age >= 18 && (i == plan.size() - 1 || r.nextDouble() < 0.5)) {
                health = r.nextDouble() < 0.6 ? "SERIOUS" : "CHRONIC";
                needsIll = null;
            } else if (needsDisabled && (i == plan.size() - 1 || r.nextDouble() < 0.4)) {
                health = "DISABLED";
                needsDisabled = false;
            } else {
                health = health(r, age, healthFactor);
            }
            Integer grade = health.equals("DISABLED") ? 1 + pick(r, new double[] {10, 20, 30, 40}) : null;

            boolean student = schooling != null && !schooling.equals("NOT_IN_SCHOOL") && !schooling.equals("DROPPED_OUT");
            String labor = labor(r, age, student, health, grade, education);
            String workStatus;
            String workPlace = "NONE";
            if (student) {
                workStatus = "STUDYING";
            } else if ((labor.equals("NORMAL") || labor.equals("SKILLED")) && age >= 16 && age < 65) {
                if (r.nextDouble() < (supported ? 0.70 : 0.76)) {
                    workStatus = "WORKING";
                    workPlace = WORK_PLACES[pick(r, WORK_PLACE_WEIGHTS)];
                } else {
                    workStatus = "FARMING";
                }
            } else if (labor.equals("PARTIAL")) {
                if (r.nextDouble() < 0.35) {
                    workStatus = "WORKING";
                    workPlace = r.nextBoolean() ? "IN_TOWNSHIP" : "IN_COUNTY";
                } else {
                    workStatus = "FARMING";
                }
            } else {
                workStatus = "NONE";
            }

            String political = age < 14 ? null
                    : age <= 28 && r.nextDouble() < 0.2 ? "CYL_MEMBER"
                    : age >= 18 && r.nextDouble() < (p.male() ? 0.06 : 0.02) ? "CPC_MEMBER" : "MASSES";
            boolean pension = age >= 16 && !student && r.nextDouble() < 0.92;
            boolean medical = r.nextDouble() < (supported ? 0.998 : 0.97);
            double phoneP = age >= 18 && age <= 75 ? 0.88 : age > 75 ? 0.30 : age >= 14 ? 0.30 : 0;
            String phone = r.nextDouble() < phoneP ? phone(r) : null;
            String assistance = tekun ? "TEKUN" : dibao ? "DIBAO" : "NONE";

            out.add(new SyntheticHousehold.Member(name, idCard, p.male() ? "MALE" : "FEMALE", birth, p.relation(),
                    memberEthnicity, political, education, schooling, health, grade, labor, workStatus, workPlace,
                    pension, medical, phone, assistance));
        }
        return out;
    }

    /** Who lives in a household of the given size: head first, then spouse, parents, children, grandchildren. */
    private static List<Plan> composition(SplittableRandom r, int size) {
        List<Plan> plan = new ArrayList<>(size);
        String surname = Names.surname(r);
        int headAge = size == 1 ? 40 + r.nextInt(48) : 30 + (int) ((r.nextDouble() + r.nextDouble()) * 25);
        boolean headMale = r.nextDouble() < (size == 1 ? 0.55 : 0.88);
        plan.add(new Plan("HEAD", headMale, headAge, surname));
        int left = size - 1;
        if (left == 0) {
            return plan;
        }
        boolean spouse = r.nextDouble() < (headAge > 75 ? 0.6 : 0.9);
        int spouseAge = headMale ? headAge - r.nextInt(5) : headAge + r.nextInt(5);
        if (spouse) {
            plan.add(new Plan("SPOUSE", !headMale, clamp(spouseAge, 20, 95), Names.surname(r)));
            left--;
        }
        // Children's surname: the father's.
        String childSurname = headMale ? surname : spouse ? plan.get(1).surname() : surname;
        int motherAge = headMale ? (spouse ? spouseAge : headAge - 2) : headAge;
        if (headAge < 55 && left >= 2 && r.nextDouble() < 0.35) {
            int parents = left >= 3 && r.nextDouble() < 0.5 ? 2 : 1;
            int parentAge = headAge + 24 + r.nextInt(9);
            if (parentAge <= 95) {
                boolean fatherFirst = parents == 2 || r.nextDouble() < 0.4;
                String parentSurname = headMale ? surname : Names.surname(r);
                plan.add(new Plan(fatherFirst ? "FATHER" : "MOTHER", fatherFirst, parentAge,
                        fatherFirst ? parentSurname : Names.surname(r)));
                if (parents == 2) {
                    plan.add(new Plan("MOTHER", false, clamp(parentAge - r.nextInt(4), 20, 95), Names.surname(r)));
                }
                left -= parents;
            }
        }
        if (headAge >= 52 && left >= 3 && r.nextDouble() < 0.7) {
            // Three generations: a married son, his wife and their children.
            int sonAge = clamp(motherAge - 22 - r.nextInt(8), 22, 60);
            plan.add(new Plan("SON", true, sonAge, childSurname));
            plan.add(new Plan("DAUGHTER_IN_LAW", false, clamp(sonAge - 2 + r.nextInt(5), 20, 60), Names.surname(r)));
            left -= 2;
            int age = Math.max(0, sonAge - 22 - r.nextInt(8));
            for (int k = 0; k < left; k++) {
                boolean boy = r.nextDouble() < 0.53;
                plan.add(new Plan(boy ? "GRANDSON" : "GRANDDAUGHTER", boy, age, childSurname));
                age = Math.max(0, age - 1 - r.nextInt(4));
            }
            return plan;
        }
        int age = Math.max(0, motherAge - 21 - r.nextInt(10));
        for (int k = 0; k < left; k++) {
            if (age < 0) {
                plan.add(new Plan("OTHER", r.nextBoolean(), 10 + r.nextInt(50), Names.surname(r)));
                continue;
            }
            boolean boy = r.nextDouble() < 0.53;
            plan.add(new Plan(boy ? "SON" : "DAUGHTER", boy, age, childSurname));
            age = age == 0 ? -1 : Math.max(0, age - 1 - r.nextInt(5));
        }
        return plan;
    }

    private static String schooling(SplittableRandom r, int age, boolean dropoutRisk) {
        if (age < 3) {
            return null;
        }
        if (age <= 5) {
            return r.nextDouble() < 0.88 ? "PRESCHOOL" : "NOT_IN_SCHOOL";
        }
        if (age <= 14) {
            if (dropoutRisk && r.nextDouble() < 0.5) {
                return "DROPPED_OUT";
            }
            return age <= 11 ? "PRIMARY" : "JUNIOR_HIGH";
        }
        if (age <= 17) {
            double x = r.nextDouble();
            return x < 0.55 ? "SENIOR_HIGH" : x < 0.87 ? "SECONDARY_VOCATIONAL" : "NOT_IN_SCHOOL";
        }
        if (age <= 21) {
            double x = r.nextDouble();
            return x < 0.25 ? "UNDERGRADUATE" : x < 0.52 ? "HIGHER_VOCATIONAL" : null;
        }
        return null;
    }

    private static final String[] EDUCATION = {"ILLITERATE", "PRIMARY", "JUNIOR_HIGH", "SENIOR_HIGH", "COLLEGE", "BACHELOR"};

    private static String education(SplittableRandom r, int age, int birthYear, boolean male, String schooling) {
        if (age < 6) {
            return null;
        }
        if (schooling != null) {
            switch (schooling) {
                case "PRIMARY", "DROPPED_OUT" -> {
                    return age <= 11 ? "PRIMARY" : age <= 14 ? "PRIMARY" : "JUNIOR_HIGH";
                }
                case "JUNIOR_HIGH" -> {
                    return "JUNIOR_HIGH";
                }
                case "SENIOR_HIGH", "SECONDARY_VOCATIONAL" -> {
                    return "SENIOR_HIGH";
                }
                case "UNDERGRADUATE" -> {
                    return "BACHELOR";
                }
                case "HIGHER_VOCATIONAL" -> {
                    return "COLLEGE";
                }
                default -> {
                    return "JUNIOR_HIGH";
                }
            }
        }
        if (age <= 17) {
            return "JUNIOR_HIGH";
        }
        double[] w;
        if (birthYear < 1960) {
            w = male ? new double[] {20, 48, 25, 7, 0, 0} : new double[] {48, 38, 12, 2, 0, 0};
        } else if (birthYear < 1980) {
            w = male ? new double[] {3, 25, 55, 15, 2, 0} : new double[] {8, 33, 48, 10, 1, 0};
        } else if (birthYear < 2000) {
            w = new double[] {1, 8, 52, 22, 11, 6};
        } else {
            w = new double[] {0, 2, 25, 33, 25, 15};
        }
        return EDUCATION[pick(r, w)];
    }

    private static String health(SplittableRandom r, int age, double factor) {
        double chronic;
        double serious;
        double disabled;
        if (age < 18) {
            chronic = 0.01; serious = 0.003; disabled = 0.01;
        } else if (age < 45) {
            chronic = 0.04; serious = 0.008; disabled = 0.03;
        } else if (age < 60) {
            chronic = 0.12; serious = 0.02; disabled = 0.05;
        } else if (age < 75) {
            chronic = 0.28; serious = 0.035; disabled = 0.08;
        } else {
            chronic = 0.40; serious = 0.04; disabled = 0.12;
        }
        double x = r.nextDouble();
        if (x < disabled * factor) {
            return "DISABLED";
        }
        x -= disabled * factor;
        if (x < serious * factor) {
            return "SERIOUS";
        }
        x -= serious * factor;
        return x < chronic * factor ? "CHRONIC" : "HEALTHY";
    }

    private static String labor(SplittableRandom r, int age, boolean student, String health, Integer grade,
                                String education) {
        if (age < 16 || student || age >= 75) {
            return "NONE";
        }
        switch (health) {
            case "DISABLED" -> {
                return grade <= 2 ? "NONE" : "PARTIAL";
            }
            case "SERIOUS" -> {
                return r.nextDouble() < 0.6 ? "NONE" : "PARTIAL";
            }
            case "CHRONIC" -> {
                if (r.nextDouble() < 0.5) {
                    return "PARTIAL";
                }
            }
            default -> {
            }
        }
        if (age >= 65) {
            return r.nextDouble() < 0.7 ? "PARTIAL" : "NONE";
        }
        if (age >= 60) {
            double x = r.nextDouble();
            return x < 0.55 ? "PARTIAL" : x < 0.65 ? "NONE" : "NORMAL";
        }
        double skilled = switch (education) {
            case "COLLEGE", "BACHELOR" -> 0.35;
            case "SENIOR_HIGH" -> 0.2;
            default -> 0.1;
        };
        return r.nextDouble() < skilled ? "SKILLED" : "NORMAL";
    }

    static String phone(SplittableRandom r) {
        StringBuilder b = new StringBuilder(11).append(PHONE_PREFIXES[r.nextInt(PHONE_PREFIXES.length)]);
        for (int i = 0; i < 8; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    /**
     * Two years of income. The current year's per-capita net income is drawn around the category's median
     * (log-normal) and split into the four income kinds; the year before is 3–9 % lower.
     */
    private List<SyntheticHousehold.Income> incomes(SplittableRandom r, String category, boolean eliminated,
                                                    List<SyntheticHousehold.Member> members) {
        double median;
        double sigma;
        double floor;
        switch (category) {
            case "LIFTED" -> { median = 14_000; sigma = 0.33; floor = 8_200; }
            case "MONITORED" -> {
                median = eliminated ? 11_500 : 8_300;
                sigma = 0.22;
                floor = eliminated ? 8_200 : 4_500;
            }
            default -> { median = 18_000; sigma = 0.42; floor = 5_000; }
        }
        double perCapita = Math.max(floor, median * Math.exp(sigma * r.nextGaussian()));
        int working = 0;
        boolean assisted = false;
        for (SyntheticHousehold.Member m : members) {
            if (m.workStatus().equals("WORKING")) {
                working++;
            }
            assisted |= !m.assistanceStatus().equals("NONE");
        }
        int n = members.size();
        double wageShare = working == 0 ? 0 : Math.min(0.75, 0.30 + 0.12 * working + 0.1 * r.nextDouble());
        double transferShare = 0.10 + 0.08 * r.nextDouble() + (category.equals("GENERAL") ? 0 : 0.12)
                + (assisted ? 0.15 : 0);
        double propertyShare = 0.01 + 0.03 * r.nextDouble();
        double productionShare = Math.max(0.05, 1 - wageShare - transferShare - propertyShare);
        double sum = wageShare + transferShare + propertyShare + productionShare;
        double costRatio = 0.25 + 0.2 * r.nextDouble();
        double growth = 1.03 + 0.06 * r.nextDouble();
        int year = asOf.getYear() - 1;
        List<SyntheticHousehold.Income> out = new ArrayList<>(2);
        for (int y = year - 1; y <= year; y++) {
            double net = perCapita * n / (y == year ? 1 : growth);
            long wage = yuan(net * wageShare / sum);
            long property = yuan(net * propertyShare / sum);
            long transfer = yuan(net * transferShare / sum);
            double productionNet = net * productionShare / sum;
            long production = yuan(productionNet / (1 - costRatio));
            long cost = yuan(productionNet / (1 - costRatio) - productionNet);
            long total = wage + production + property + transfer - cost;
            long perCapitaNet = Math.floorDiv(2 * total + n, 2L * n); // half up, in cents
            out.add(new SyntheticHousehold.Income(y, wage, production, property, transfer, cost, n, perCapitaNet));
        }
        return out;
    }

    /** Whole yuan, as cents. */
    private static long yuan(double amount) {
        return Math.round(amount) * 100;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Index drawn with the given (unnormalised) weights. */
    static int pick(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
