package org.dixian.synthetic;

import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.crypto.FieldCipher;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Renders generated households as PostgreSQL COPY text rows (tab-separated, {@code \N} for null), encrypting
 * and blind-indexing the sensitive fields the way the household API does. Generated values never contain
 * tabs, newlines or backslashes, so no escaping is needed.
 */
final class CopyRows {
    static final String HOUSEHOLD_COLUMNS = "id, household_no, region_code, address, category, lifted_year, "
            + "enjoys_policy, monitoring_type, risk_types, monitoring_start, risk_eliminated, risk_eliminated_on, "
            + "housing_safe, water_safe, bank_account_enc, bank_account_hash, head_name, member_count";
    static final String MEMBER_COLUMNS = "household_id, name, id_card_enc, id_card_hash, gender, birth_date, "
            + "relation, ethnicity, political_status, education, schooling_status, health, disability_grade, "
            + "labor_ability, work_status, work_place, pension_insured, medical_insured, phone_enc, phone_hash, "
            + "phone_last4, assistance_status";
    static final String INCOME_COLUMNS = "household_id, year, wage, production, property, transfer, "
            + "production_cost, members, per_capita_net";

    /** One chunk rendered for the three tables, with row counts. */
    record Rendered(byte[] households, byte[] members, byte[] incomes, int householdRows, int memberRows,
                    int incomeRows) {
        long bytes() {
            return (long) households.length + members.length + incomes.length;
        }
    }

    private final FieldCipher cipher;
    private final BlindIndex index;

    CopyRows(FieldCipher cipher, BlindIndex index) {
        this.cipher = cipher;
        this.index = index;
    }

    Rendered render(List<SyntheticHousehold> households) {
        StringBuilder h = new StringBuilder(households.size() * 400);
        StringBuilder m = new StringBuilder(households.size() * 1200);
        StringBuilder in = new StringBuilder(households.size() * 160);
        int members = 0;
        int incomes = 0;
        for (SyntheticHousehold x : households) {
            household(h, x);
            for (SyntheticHousehold.Member p : x.members()) {
                member(m, x.id(), p);
                members++;
            }
            for (SyntheticHousehold.Income i : x.incomes()) {
                income(in, x.id(), i);
                incomes++;
            }
        }
        return new Rendered(bytes(h), bytes(m), bytes(in), households.size(), members, incomes);
    }

    private void household(StringBuilder b, SyntheticHousehold x) {
        b.append(x.id()).append('\t');
        field(b, x.householdNo());
        field(b, x.regionCode());
        field(b, x.address());
        field(b, x.category());
        field(b, x.liftedYear());
        bool(b, x.enjoysPolicy());
        field(b, x.monitoringType());
        b.append('{').append(String.join(",", x.riskTypes())).append("}\t");
        field(b, x.monitoringStart());
        bool(b, x.riskEliminated());
        field(b, x.riskEliminatedOn());
        bool(b, x.housingSafe());
        bool(b, x.waterSafe());
        field(b, cipher.encrypt(x.bankAccount()));
        field(b, index.of("bank", x.bankAccount()));
        field(b, x.headName());
        b.append(x.members().size()).append('\n');
    }

    private void member(StringBuilder b, long householdId, SyntheticHousehold.Member p) {
        b.append(householdId).append('\t');
        field(b, p.name());
        field(b, cipher.encrypt(p.idCard()));
        field(b, index.of("idcard", p.idCard()));
        field(b, p.gender());
        field(b, p.birthDate());
        field(b, p.relation());
        field(b, p.ethnicity());
        field(b, p.politicalStatus());
        field(b, p.education());
        field(b, p.schoolingStatus());
        field(b, p.health());
        field(b, p.disabilityGrade());
        field(b, p.laborAbility());
        field(b, p.workStatus());
        field(b, p.workPlace());
        bool(b, p.pensionInsured());
        bool(b, p.medicalInsured());
        field(b, cipher.encrypt(p.phone()));
        field(b, index.of("phone", p.phone()));
        field(b, p.phone() == null ? null : p.phone().substring(p.phone().length() - 4));
        b.append(p.assistanceStatus()).append('\n');
    }

    private static void income(StringBuilder b, long householdId, SyntheticHousehold.Income i) {
        b.append(householdId).append('\t').append(i.year()).append('\t');
        money(b, i.wage());
        money(b, i.production());
        money(b, i.property());
        money(b, i.transfer());
        money(b, i.productionCost());
        b.append(i.members()).append('\t');
        b.append(i.perCapitaNet() / 100).append('.');
        long cents = i.perCapitaNet() % 100;
        b.append(cents < 10 ? "0" : "").append(cents).append('\n');
    }

    private static void money(StringBuilder b, long cents) {
        b.append(cents / 100).append('.');
        long c = cents % 100;
        b.append(c < 10 ? "0" : "").append(c).append('\t');
    }

    private static void field(StringBuilder b, Object v) {
        (v == null ? b.append("\\N") : b.append(v instanceof LocalDate d ? d.toString() : v.toString())).append('\t');
    }

    private static void bool(StringBuilder b, Boolean v) {
        b.append(v == null ? "\\N" : v ? "t" : "f").append('\t');
    }

    private static byte[] bytes(StringBuilder b) {
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
