package org.dixian.synthetic;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.crypto.FieldCipher;
import org.dixian.platform.idcard.IdCardNumber;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads the {@code test} size into the shared test database, checks it, and removes exactly what it added. */
@QuarkusTest
class SyntheticLoaderTest {
    @Inject
    SyntheticLoader loader;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    FieldCipher cipher;
    @Inject
    BlindIndex index;

    @Test
    void loadsTheTestSizeThroughCopy() throws SQLException {
        List<Village> villages = loader.villages(SyntheticSize.TEST);
        assertEquals(3, villages.size());
        assertTrue(villages.get(0).townshipName().equals("南彰镇"), villages.toString());
        removeLeftovers(villages);

        SyntheticLoader.Report r = loader.load(SyntheticSize.TEST, 7L, true);
        long first = r.firstId();
        long last = first + r.households() - 1;
        try (Connection c = dataSource.getConnection()) {
            assertEquals(500, r.households());
            assertEquals(500, count(c, "select count(*) from household where id between ? and ?", first, last));
            assertEquals(r.members(), count(c, "select count(*) from member where household_id between ? and ?", first, last));
            assertEquals(1000, count(c, "select count(*) from household_income where household_id between ? and ?", first, last));
            assertEquals(0, count(c, "select count(*) from household h where id between ? and ? and member_count <> "
                    + "(select count(*) from member m where m.household_id = h.id)", first, last));
            assertEquals(0, count(c, "select count(*) from household h where id between ? and ? and head_name <> "
                    + "(select name from member m where m.household_id = h.id and relation = 'HEAD')", first, last));
            assertTrue(r.members() > 1400 && r.members() < 1800, "members " + r.members());
            assertNotNull(r.baseline());
            assertTrue(r.baseline().households() >= 500);

            // Encrypted columns decrypt to valid numbers of the county, and the blind indexes match.
            try (PreparedStatement ps = c.prepareStatement("select m.id_card_enc, m.id_card_hash, m.gender, m.birth_date, "
                    + "m.phone_enc, m.phone_hash, m.phone_last4 from member m where m.household_id between ? and ?")) {
                ps.setLong(1, first);
                ps.setLong(2, last);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        String id = cipher.decrypt(rs.getString(1));
                        assertEquals(Optional.empty(), IdCardNumber.problem(id, LocalDate.now()), id);
                        IdCardNumber parsed = IdCardNumber.parse(id, LocalDate.now());
                        assertEquals("410225", id.substring(0, 6));
                        assertEquals(rs.getString(3), parsed.gender().name());
                        assertEquals(rs.getDate(4).toLocalDate(), parsed.birthDate());
                        assertEquals(index.of("idcard", id), rs.getString(2));
                        String phone = cipher.decrypt(rs.getString(5));
                        if (phone != null) {
                            assertTrue(phone.matches("^1[3-9][0-9]{9}$"));
                            assertEquals(index.of("phone", phone), rs.getString(6));
                            assertEquals(phone.substring(7), rs.getString(7));
                        }
                        n++;
                    }
                    assertEquals(r.members(), n);
                }
            }
            // Bank accounts of supported households decrypt and match their index.
            try (PreparedStatement ps = c.prepareStatement("select bank_account_enc, bank_account_hash, category "
                    + "from household where id between ? and ?")) {
                ps.setLong(1, first);
                ps.setLong(2, last);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String acct = cipher.decrypt(rs.getString(1));
                        assertEquals(!rs.getString(3).equals("GENERAL"), acct != null);
                        if (acct != null) {
                            assertEquals(index.of("bank", acct), rs.getString(2));
                        }
                    }
                }
            }
            // A village cadre per village; every supported household paired with one helper of its own village.
            assertEquals(3, r.staff().cadres());
            assertEquals(3, count(c, "select count(*) from account where request_key like 'synthetic:cadre:%' and role = 'VILLAGE_CADRE' "
                    + "and region_code in (select distinct region_code from household where id between ? and ?)", first, last));
            long supported = count(c, "select count(*) from household where id between ? and ? and category <> 'GENERAL'", first, last);
            assertTrue(supported > 20, "supported " + supported);
            assertEquals(supported, r.staff().pairings());
            assertEquals(supported, count(c, "select count(*) from household_helper p join household h on h.id = p.household_id "
                    + "join helper x on x.id = p.helper_id where h.id between ? and ? and x.region_code = h.region_code "
                    + "and p.end_date is null", first, last));
            assertEquals(0, count(c, "select count(*) from household_helper p join household h on h.id = p.household_id "
                    + "where h.id between ? and ? and h.category = 'GENERAL'", first, last));
            assertTrue(r.staff().helpers() >= 3 && r.staff().helpers() <= supported, "helpers " + r.staff().helpers());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select phone_enc, phone_hash from helper where request_key like 'synthetic:helper:410225102%'")) {
                while (rs.next()) {
                    String phone = cipher.decrypt(rs.getString(1));
                    assertTrue(phone.matches("^1[3-9][0-9]{9}$"), phone);
                    assertEquals(index.of("phone", phone), rs.getString(2));
                }
            }
            // The identity sequence continues after the reserved range: later inserts get fresh ids.
            assertTrue(count(c, "select nextval(pg_get_serial_sequence('household', 'id')) - ? + ?", last, 0) > 0);
        } finally {
            delete(first, last);
            removeLeftovers(villages);
        }
    }

    private void removeLeftovers(List<Village> villages) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from household_helper where helper_id in (select id from helper where request_key like 'synthetic:%')");
            s.execute("delete from helper where request_key like 'synthetic:%' and id not in (select helper_id from household_helper)");
            s.execute("delete from account where request_key like 'synthetic:%' and id not in (select account_id from account_event)");
            for (Village v : villages) {
                String mine = "(select id from household where region_code = '" + v.code() + "' and id not in "
                        + "(select household_id from household_event) and id not in (select household_id from household_access))";
                s.execute("delete from household_income where household_id in " + mine);
                s.execute("delete from member where household_id in " + mine);
                s.execute("delete from household where id in " + mine);
            }
        }
    }

    private void delete(long first, long last) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of("delete from household_helper where household_id between ? and ?",
                    "delete from household_income where household_id between ? and ?",
                    "delete from member where household_id between ? and ?",
                    "delete from household where id between ? and ?")) {
                count(c, sql, first, last);
            }
        }
    }

    private static long count(Connection c, String sql, long a, long b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            if (!ps.execute()) {
                return ps.getUpdateCount();
            }
            try (ResultSet rs = ps.getResultSet()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
