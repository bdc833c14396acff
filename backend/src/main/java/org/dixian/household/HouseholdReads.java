package org.dixian.household;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The registry's two hot reads, household search and household detail, as plain SQL on the reactive pool:
 * one statement and one round trip each, no ORM session. Writes stay with the repositories. The caller's
 * visibility is the same rule as {@link HouseholdRepository#visible} (farmer: own household; everyone else: the
 * code range of the own region), rendered for SQL by {@link #visible}.
 */
@ApplicationScoped
public class HouseholdReads {
    /** Columns a list row needs; the detail reads the whole row. */
    private static final String SUMMARY_COLUMNS =
            "h.id, h.household_no, h.region_code, h.head_name, h.category, h.monitoring_type, h.risk_types, h.member_count";

    /** Household, members and incomes in one statement and one round trip; filled in with the visibility predicate. */
    private static final String DETAIL = """
            select h.*,
                   (select coalesce(json_agg(m order by m.id), '[]'::json)
                      from member m where m.household_id = h.id and not m.removed) as members_json,
                   (select coalesce(json_agg(i order by i.year), '[]'::json)
                      from household_income i where i.household_id = h.id) as incomes_json
              from household h
             where h.id = $1 and %s
            """;

    private final Pool pool;

    public HouseholdReads(Pool pool) {
        this.pool = pool;
    }

    /**
     * One page (plus one row to tell whether there is a next) of the caller's households in (village code, id)
     * order, so that a village's households come together and a page of a township or county is read straight
     * from the (region_code, id) index instead of sorting all its households. The cursor is the last id of the
     * previous page; its village code is looked up in the same statement.
     */
    public Uni<List<HouseholdSummary>> search(Scope scope, HouseholdRepository.Filter f) {
        List<Object> args = new ArrayList<>();
        StringBuilder q = new StringBuilder("select ").append(SUMMARY_COLUMNS).append(" from household h where ")
                .append(visible(scope, args, f.regionCode()));
        if (f.category() != null) {
            q.append(" and h.category = ").append(arg(args, f.category().name()));
        }
        if (f.monitoringType() != null) {
            q.append(" and h.monitoring_type = ").append(arg(args, f.monitoringType().name()));
        }
        if (f.riskType() != null) {
            // "<> '{}'" lets the planner use the partial index of households with any risk (V007).
            q.append(" and h.risk_types <> '{}' and h.risk_types @> array[").append(arg(args, f.riskType().name()))
                    .append("::varchar(40)]");
        }
        if (f.headName() != null) {
            q.append(" and h.head_name like ").append(arg(args, likePrefix(f.headName())));
        }
        if (f.householdNo() != null) {
            q.append(" and h.household_no = ").append(arg(args, f.householdNo()));
        }
        if (f.idCardHash() != null) {
            q.append(" and exists (select 1 from member m where m.household_id = h.id and not m.removed and m.id_card_hash = ")
                    .append(arg(args, f.idCardHash())).append(')');
        }
        if (f.phoneLast4() != null) {
            q.append(" and exists (select 1 from member m where m.household_id = h.id and not m.removed and m.phone_last4 = ")
                    .append(arg(args, f.phoneLast4())).append(')');
        }
        if (f.after() != null) {
            String after = arg(args, f.after());
            q.append(" and (h.region_code, h.id) > ((select a.region_code from household a where a.id = ").append(after)
                    .append("), ").append(after).append("::bigint)");
        }
        q.append(" order by h.region_code, h.id limit ").append(arg(args, f.limit() + 1));
        return pool.preparedQuery(q.toString()).execute(Tuple.from(args)).map(rows -> {
            List<HouseholdSummary> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                String[] risks = r.getArrayOfStrings("risk_types");
                List<RiskType> riskTypes = new ArrayList<>(risks.length);
                for (String risk : risks) {
                    riskTypes.add(RiskType.valueOf(risk));
                }
                out.add(new HouseholdSummary(r.getLong("id"), r.getString("household_no"), r.getString("region_code"),
                        null, r.getString("head_name"), HouseholdCategory.valueOf(r.getString("category")),
                        monitoringType(r.getString("monitoring_type")), riskTypes, r.getShort("member_count")));
            }
            return out;
        });
    }

    /** A household visible to the caller with its current members and incomes, or null. */
    public Uni<Detail> detail(Scope scope, long id) {
        List<Object> args = new ArrayList<>(List.of(id));
        return pool.preparedQuery(DETAIL.formatted(visible(scope, args))).execute(Tuple.from(args)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row r = rows.iterator().next();
            return new Detail(household(r), members(r.getJsonArray("members_json")), incomes(r.getJsonArray("incomes_json")));
        });
    }

    /** The rows behind one household's detail view. */
    public record Detail(HouseholdEntity household, List<MemberEntity> members, List<IncomeEntity> incomes) {
    }

    /**
     * The SQL form of {@link HouseholdRepository#visible}: a farmer sees only the bound household; everyone
     * else the code range of the own region. Parameters are appended to {@code args} ($2 onwards for detail).
     */
    static String visible(Scope scope, List<Object> args) {
        return visible(scope, args, null);
    }

    /**
     * {@link #visible} narrowed to the households under {@code region} (null: no narrowing): for a cadre the
     * intersection of the two code ranges, one range the planner can estimate, instead of two range conditions on
     * the same column.
     */
    static String visible(Scope scope, List<Object> args, String region) {
        if (scope.role() == Role.FARMER) {
            String own = "h.deleted = false and h.id = " + arg(args, scope.householdId() == null ? -1L : scope.householdId());
            if (region == null) {
                return own;
            }
            String[] r = RegionCodes.range(region);
            return own + " and h.region_code >= " + arg(args, r[0]) + " and h.region_code < " + arg(args, r[1]);
        }
        String[] range = scope.regionRange();
        if (region != null) {
            String[] r = RegionCodes.range(region);
            range = new String[] {max(range[0], r[0]), min(range[1], r[1])};
        }
        return "h.deleted = false and h.region_code >= " + arg(args, range[0]) + " and h.region_code < " + arg(args, range[1]);
    }

    private static String max(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String min(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * {@link #visible} for a household already in memory (a cached detail, never a deleted household): the
     * same rule, decided in Java.
     */
    static boolean visibleTo(Scope scope, long id, String regionCode) {
        if (scope.role() == Role.FARMER) {
            return scope.householdId() != null && scope.householdId() == id;
        }
        String[] range = scope.regionRange();
        return regionCode.compareTo(range[0]) >= 0 && regionCode.compareTo(range[1]) < 0;
    }

    private static String arg(List<Object> args, Object value) {
        args.add(value);
        return "$" + args.size();
    }

    /** {@code 王} → {@code 王%}, with LIKE's own wildcards in the input taken literally. */
    static String likePrefix(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static HouseholdEntity household(Row r) {
        HouseholdEntity h = new HouseholdEntity();
        h.id = r.getLong("id");
        h.householdNo = r.getString("household_no");
        h.regionCode = r.getString("region_code");
        h.address = r.getString("address");
        h.category = HouseholdCategory.valueOf(r.getString("category"));
        h.liftedYear = r.getShort("lifted_year");
        h.enjoysPolicy = r.getBoolean("enjoys_policy");
        h.monitoringType = monitoringType(r.getString("monitoring_type"));
        h.riskTypes = Arrays.asList(r.getArrayOfStrings("risk_types"));
        h.monitoringStart = r.getLocalDate("monitoring_start");
        h.riskEliminated = r.getBoolean("risk_eliminated");
        h.riskEliminatedOn = r.getLocalDate("risk_eliminated_on");
        h.housingSafe = r.getBoolean("housing_safe");
        h.waterSafe = r.getBoolean("water_safe");
        h.bankAccountEnc = r.getString("bank_account_enc");
        h.headName = r.getString("head_name");
        h.memberCount = r.getShort("member_count");
        h.version = r.getInteger("version");
        return h;
    }

    private static List<MemberEntity> members(JsonArray json) {
        List<MemberEntity> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            JsonObject j = json.getJsonObject(i);
            MemberEntity m = new MemberEntity();
            m.id = j.getLong("id");
            m.householdId = j.getLong("household_id");
            m.name = j.getString("name");
            m.idCardEnc = j.getString("id_card_enc");
            m.gender = Gender.valueOf(j.getString("gender"));
            m.birthDate = LocalDate.parse(j.getString("birth_date"));
            m.relation = j.getString("relation");
            m.ethnicity = j.getString("ethnicity");
            m.politicalStatus = j.getString("political_status");
            m.education = j.getString("education");
            m.schoolingStatus = j.getString("schooling_status");
            m.health = j.getString("health");
            Integer grade = j.getInteger("disability_grade");
            m.disabilityGrade = grade == null ? null : grade.shortValue();
            m.laborAbility = j.getString("labor_ability");
            m.workStatus = j.getString("work_status");
            m.workPlace = j.getString("work_place");
            m.pensionInsured = j.getBoolean("pension_insured");
            m.medicalInsured = j.getBoolean("medical_insured");
            m.phoneEnc = j.getString("phone_enc");
            m.assistanceStatus = j.getString("assistance_status");
            m.version = j.getInteger("version");
            out.add(m);
        }
        return out;
    }

    private static List<IncomeEntity> incomes(JsonArray json) {
        List<IncomeEntity> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            JsonObject j = json.getJsonObject(i);
            IncomeEntity e = new IncomeEntity();
            e.householdId = j.getLong("household_id");
            e.year = j.getInteger("year").shortValue();
            e.wage = decimal(j, "wage");
            e.production = decimal(j, "production");
            e.property = decimal(j, "property");
            e.transfer = decimal(j, "transfer");
            e.productionCost = decimal(j, "production_cost");
            e.members = j.getInteger("members").shortValue();
            e.perCapitaNet = decimal(j, "per_capita_net");
            out.add(e);
        }
        return out;
    }

    /** numeric(12,2) arrives as a JSON number; keep its scale as the column has it. */
    private static BigDecimal decimal(JsonObject j, String field) {
        Object v = j.getValue(field);
        return v == null ? null : new BigDecimal(v.toString()).setScale(2);
    }

    private static MonitoringType monitoringType(String s) {
        return s == null ? null : MonitoringType.valueOf(s);
    }
}
