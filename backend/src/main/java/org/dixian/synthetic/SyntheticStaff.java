package org.dixian.synthetic;

import io.agroal.api.AgroalDataSource;
import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.crypto.FieldCipher;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The people around the synthetic households: one village cadre account per village, and 帮扶责任人 for the
 * villages' supported (LIFTED and MONITORED) households, one helper per started dozen of them, every supported
 * household paired with one helper of its village (national practice: each 脱贫户 and 监测户 has a named helper).
 * Rows are marked with a {@code synthetic:…} request key, so a second run adds nothing twice.
 */
final class SyntheticStaff {
    /** Supported households one helper looks after at most. */
    static final int HOUSEHOLDS_PER_HELPER = 12;
    private static final String[] UNITS = {"县农业农村局", "县乡村振兴局", "县教育体育局", "县卫生健康委员会",
            "县人力资源和社会保障局", "县民政局", "乡镇人民政府", "县自然资源局", "县水利局", "县供电公司"};
    private static final String[] CADRE_POSITIONS = {"村党支部书记", "村委会主任", "村会计"};

    record Counts(int cadres, int helpers, int pairings) {
    }

    private final AgroalDataSource dataSource;
    private final FieldCipher cipher;
    private final BlindIndex index;

    SyntheticStaff(AgroalDataSource dataSource, FieldCipher cipher, BlindIndex index) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.index = index;
    }

    /** Adds cadres and helpers for {@code villages} and pairs the supported households of ids first..last. */
    Counts load(List<Village> villages, long seed, long first, long last) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Map<String, Integer> supported = supported(c, first, last);
            StringBuilder accounts = new StringBuilder(villages.size() * 200);
            StringBuilder helpers = new StringBuilder(villages.size() * 260);
            for (int v = 0; v < villages.size(); v++) {
                Village village = villages.get(v);
                SplittableRandom r = new SplittableRandom(seed ^ Long.parseLong(village.code()) * 0x9E3779B97F4A7C15L);
                // Cadre phones are unique (cadres log in with them): 199 + the village's place in the load.
                String cadrePhone = "199" + String.format("%08d", v);
                row(accounts, person(r), cipher.encrypt(cadrePhone), index.of("phone", cadrePhone), village.code(),
                        "VILLAGE_CADRE", CADRE_POSITIONS[r.nextInt(CADRE_POSITIONS.length)], "synthetic:cadre:" + village.code());
                int n = (supported.getOrDefault(village.code(), 0) + HOUSEHOLDS_PER_HELPER - 1) / HOUSEHOLDS_PER_HELPER;
                for (int i = 0; i < n; i++) {
                    String phone = HouseholdGenerator.phone(r);
                    String unit = UNITS[r.nextInt(UNITS.length)];
                    row(helpers, person(r), unit.startsWith("乡镇") ? village.townshipName() + "人民政府" : unit,
                            r.nextInt(3) == 0 ? "副科级干部" : "干部", cipher.encrypt(phone), index.of("phone", phone),
                            village.code(), "synthetic:helper:" + village.code() + ":" + i);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table synthetic_account (name text, phone_enc text, phone_hash text, "
                        + "region_code char(12), role text, position text, request_key text) on commit drop");
                s.execute("create temporary table synthetic_helper (name text, unit text, position text, phone_enc text, "
                        + "phone_hash text, region_code char(12), request_key text) on commit drop");
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("copy synthetic_account from stdin", new ByteArrayInputStream(accounts.toString().getBytes(StandardCharsets.UTF_8)));
                copy.copyIn("copy synthetic_helper from stdin", new ByteArrayInputStream(helpers.toString().getBytes(StandardCharsets.UTF_8)));
                int cadres = s.executeUpdate("insert into account (name, phone_enc, phone_hash, region_code, role, position, request_key) "
                        + "select * from synthetic_account order by request_key on conflict do nothing");
                int helperRows = s.executeUpdate("insert into helper (name, unit, position, phone_enc, phone_hash, region_code, request_key) "
                        + "select * from synthetic_helper order by request_key on conflict do nothing");
                int pairings;
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into household_helper (household_id, helper_id, start_date)
                        select h.id, hp.id, coalesce(h.monitoring_start, make_date(coalesce(h.lifted_year, 2020)::int, 12, 1))
                          from (select id, region_code, monitoring_start, lifted_year,
                                       row_number() over (partition by region_code order by id) - 1 as k
                                  from household
                                 where id between ? and ? and category in ('LIFTED', 'MONITORED') and not deleted
                                   and not exists (select 1 from household_helper x where x.household_id = household.id)) h
                          join (select id, region_code, row_number() over (partition by region_code order by request_key) - 1 as j,
                                       count(*) over (partition by region_code) as n
                                  from helper where request_key like 'synthetic:helper:%') hp
                            on hp.region_code = h.region_code and hp.j = h.k % hp.n
                        """)) {
                    ps.setLong(1, first);
                    ps.setLong(2, last);
                    pairings = ps.executeUpdate();
                }
                c.commit();
                return new Counts(cadres, helperRows, pairings);
            } catch (SQLException | java.io.IOException e) {
                c.rollback();
                throw new IllegalStateException("synthetic staff load failed", e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> supported(Connection c, long first, long last) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select region_code, count(*) from household where id between ? and ? "
                + "and category in ('LIFTED', 'MONITORED') group by region_code")) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    private static String person(SplittableRandom r) {
        boolean male = r.nextInt(100) < 62;
        return Names.surname(r) + Names.given(r, male, 1965 + r.nextInt(35));
    }

    /** One COPY text row; generated values never contain tabs, newlines or backslashes. */
    private static void row(StringBuilder b, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            b.append(values[i] == null ? "\\N" : values[i]);
        }
        b.append('\n');
    }
}
