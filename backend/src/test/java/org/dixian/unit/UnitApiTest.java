package org.dixian.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.crypto.FieldCipher;
import org.dixian.platform.security.Role;
import org.dixian.team.UnitDirectory;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 帮扶单位: registration, the contact phone at rest, pairings with villages and who sees which unit. */
@QuarkusTest
class UnitApiTest {
    /** 曹寨村, another village of 堌阳镇. */
    static final String SAME_TOWNSHIP_VILLAGE = "410225101202";
    /** A village of another township of 兰考县 (城关乡). */
    static final String OTHER_TOWNSHIP_VILLAGE = firstVillageOf("410225102");
    /** 郑州市中原区 and one of its villages: outside 兰考县. */
    static final String OTHER_COUNTY = "410102000000";
    static final String OTHER_COUNTY_VILLAGE = "410102001001";

    @Inject
    Pool pool;
    @Inject
    FieldCipher cipher;
    @Inject
    Clock clock;
    @Inject
    UnitDirectory directory;

    static String firstVillageOf(String townshipPrefix) {
        return townshipPrefix + "200";
    }

    static Map<String, Object> unit(String name, String region) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("affiliation", "县直");
        m.put("regionCode", region);
        m.put("contactName", "刘建国");
        m.put("contactPhone", "13912345678");
        return m;
    }

    static Response create(Tokens.Principal p, Map<String, Object> body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post("/api/units");
    }

    static JsonPath created(Tokens.Principal p, Map<String, Object> body) {
        Response r = create(p, body);
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    static Response pair(Tokens.Principal p, long unitId, String village, LocalDate start) {
        return Api.as(p).contentType(ContentType.JSON).body(Map.of("villageCode", village, "startDate", start.toString()))
                .post("/api/units/{id}/pairings", unitId);
    }

    static Response end(Tokens.Principal p, long unitId, long pairingId, LocalDate end, String reason) {
        return Api.as(p).contentType(ContentType.JSON).body(Map.of("endDate", end.toString(), "reason", reason))
                .post("/api/units/{id}/pairings/{pid}/end", unitId, pairingId);
    }

    static List<String> seen(Tokens.Principal p, String region) {
        var spec = Api.as(p);
        if (region != null) {
            spec = spec.queryParam("region", region);
        }
        Response r = spec.get("/api/units");
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath().getList("name", String.class);
    }

    private Row one(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next();
    }

    @Test
    void aCountyCadreRegistersAUnitWhosePhoneIsMaskedAndEncryptedAtRest() {
        String name = "兰考县农业农村局" + Fixtures.marker();
        JsonPath u = created(Tokens.countyCadre(), unit(name, DemoData.COUNTY));
        long id = u.getLong("id");
        assertEquals(name, u.getString("name"));
        assertEquals("县直", u.getString("affiliation"));
        assertEquals("兰考县", u.getString("regionName"));
        assertEquals("刘建国", u.getString("contactName"));
        assertEquals("139****5678", u.getString("contactPhone"));
        assertTrue(u.getList("pairings").isEmpty());

        Row row = one("select contact_phone_enc from assistance_unit where id = $1", id);
        String stored = row.getString(0);
        assertFalse(stored.contains("13912345678"), "phone stored in plaintext: " + stored);
        assertFalse(stored.contains("5678"), "phone digits visible at rest: " + stored);
        assertEquals("13912345678", cipher.decrypt(stored));

        Row event = one("select type, actor_id, actor_role, actor_region, data::text from unit_event where unit_id = $1", id);
        assertEquals("REGISTERED", event.getString(0));
        assertEquals(3L, event.getLong(1));
        assertEquals("COUNTY_CADRE", event.getString(2));
        assertEquals(DemoData.COUNTY, event.getString(3));
        assertFalse(event.getString(4).contains("13912345678"), "the event keeps the full phone");

        // Same name, same region: one unit; another region may have its own.
        assertEquals("该区划已有同名帮扶单位", assertProblem(create(Tokens.countyManager(), unit(" " + name + " ", DemoData.COUNTY)), 409)
                .getString("detail"));
        created(Tokens.countyCadre(), unit(name, DemoData.TOWNSHIP));
    }

    @Test
    void registrationIsForRegistrarsInsideTheirRegion() {
        String name = "单位" + Fixtures.marker();
        assertProblem(create(Tokens.countyCadre(), unit(name, OTHER_COUNTY)), 403);
        assertProblem(create(Tokens.countyCadre(), unit(name, DemoData.CITY)), 403);
        assertProblem(create(Tokens.townshipCadre(), unit(name, DemoData.TOWNSHIP)), 403);
        assertProblem(create(Tokens.demoFarmer(), unit(name, DemoData.VILLAGE)), 403);
        assertInvalid(create(Tokens.countyCadre(), unit(name, "410225999000")), "regionCode");
        Map<String, Object> bad = unit(name, DemoData.COUNTY);
        bad.put("contactPhone", "电话");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.countyCadre().token())
                .contentType(ContentType.JSON).body(bad).post("/api/units"), "contactPhone");
        bad = unit(" ", DemoData.COUNTY);
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.countyCadre().token())
                .contentType(ContentType.JSON).body(bad).post("/api/units"), "name");
        assertEquals(0L, one("select count(*) from assistance_unit where name = $1", name).getLong(0));
    }

    @Test
    void aRetriedRegistrationWithTheSameKeyIsOneUnit() {
        String name = "重试单位" + Fixtures.marker();
        String key = "unit-" + Fixtures.marker();
        Response first = Api.as(Tokens.countyCadre()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(unit(name, DemoData.COUNTY)).post("/api/units");
        Response again = Api.as(Tokens.countyCadre()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(unit(name, DemoData.COUNTY)).post("/api/units");
        assertEquals(201, first.statusCode(), first::asString);
        assertEquals(201, again.statusCode(), again::asString);
        assertEquals(first.jsonPath().getLong("id"), again.jsonPath().getLong("id"));
        assertEquals(1L, one("select count(*) from assistance_unit where name = $1", name).getLong(0));
    }

    @Test
    void pairingWithAVillageAndEndingItKeepsTheHistory() {
        LocalDate today = LocalDate.now(clock);
        long id = created(Tokens.countyCadre(), unit("结对单位" + Fixtures.marker(), DemoData.COUNTY)).getLong("id");

        Response paired = pair(Tokens.countyCadre(), id, DemoData.VILLAGE, today.minusDays(30));
        assertEquals(201, paired.statusCode(), paired::asString);
        JsonPath p = paired.jsonPath();
        assertEquals(1, p.getList("pairings").size());
        assertEquals(DemoData.VILLAGE, p.getString("pairings[0].villageCode"));
        assertEquals("任庄村", p.getString("pairings[0].villageName"));
        assertEquals(today.minusDays(30).toString(), p.getString("pairings[0].startDate"));
        assertNull(p.getString("pairings[0].endDate"));
        long pairingId = p.getLong("pairings[0].id");

        // One current pairing of the unit with the village; rules on who, where and when.
        assertProblem(pair(Tokens.countyCadre(), id, DemoData.VILLAGE, today), 409);
        assertProblem(pair(Tokens.townshipCadre(), id, DemoData.VILLAGE, today), 403);
        assertProblem(pair(Tokens.countyManager(), id, DemoData.VILLAGE, today), 403);
        assertInvalid(pair(Tokens.countyCadre(), id, DemoData.TOWNSHIP, today), "villageCode");
        assertProblem(pair(Tokens.countyCadre(), id, OTHER_COUNTY_VILLAGE, today), 403);
        assertInvalid(pair(Tokens.countyCadre(), id, SAME_TOWNSHIP_VILLAGE, today.plusDays(1)), "startDate");
        assertProblem(pair(Tokens.countyCadre(), 999_999_999L, SAME_TOWNSHIP_VILLAGE, today), 404);
        // A unit of another county is not the caller's to pair.
        long foreign = created(Tokens.cadre(Role.COUNTY_CADRE, OTHER_COUNTY), unit("外县单位" + Fixtures.marker(), OTHER_COUNTY)).getLong("id");
        assertProblem(pair(Tokens.countyCadre(), foreign, DemoData.VILLAGE, today), 404);

        // Ending: not before the start, not in the future, once, with a reason.
        assertInvalid(end(Tokens.countyCadre(), id, pairingId, today.minusDays(31), "调整"), "endDate");
        assertInvalid(end(Tokens.countyCadre(), id, pairingId, today.plusDays(1), "调整"), "endDate");
        assertProblem(end(Tokens.cadre(Role.COUNTY_CADRE, OTHER_COUNTY), id, pairingId, today, "调整"), 404);
        assertProblem(end(Tokens.townshipCadre(), id, pairingId, today, "调整"), 403);
        Response ended = end(Tokens.countyCadre(), id, pairingId, today.minusDays(1), "帮扶任务调整");
        assertEquals(200, ended.statusCode(), ended::asString);
        assertEquals(today.minusDays(1).toString(), ended.jsonPath().getString("pairings[0].endDate"));
        assertEquals("帮扶任务调整", ended.jsonPath().getString("pairings[0].endReason"));
        assertProblem(end(Tokens.countyCadre(), id, pairingId, today, "再次"), 409);

        // A new pairing with the same village after the end: both stay.
        Response again = pair(Tokens.countyCadre(), id, DemoData.VILLAGE, today);
        assertEquals(201, again.statusCode(), again::asString);
        assertEquals(2, again.jsonPath().getList("pairings").size());

        List<String> types = new ArrayList<>();
        pool.preparedQuery("select type, reason from unit_event where unit_id = $1 order by id").execute(Tuple.of(id))
                .await().indefinitely().forEach(r -> types.add(r.getString(0) + (r.getString(1) == null ? "" : ":" + r.getString(1))));
        assertEquals(List.of("REGISTERED", "PAIRED", "PAIRING_ENDED:帮扶任务调整", "PAIRED"), types);
        assertEquals(1L, one("select count(*) from unit_pairing where unit_id = $1 and end_date is not null", id).getLong(0));
        assertThrowsOnChange("update unit_event set reason = 'x' where unit_id = $1", id);
        assertThrowsOnChange("delete from unit_event where unit_id = $1", id);
    }

    private void assertThrowsOnChange(String sql, long id) {
        boolean failed;
        try {
            pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely();
            failed = false;
        } catch (RuntimeException e) {
            failed = true;
        }
        assertTrue(failed, "append-only table accepted: " + sql);
    }

    @Test
    void aTownshipSeesTheUnitsOfItsRegionAndTheProvincialUnitPairedWithItsVillage() {
        LocalDate today = LocalDate.now(clock);
        Tokens.Principal province = Tokens.provinceCadre();
        String paired = "省直单位" + Fixtures.marker();
        String unpaired = "省直未结对" + Fixtures.marker();
        String county = "县直单位" + Fixtures.marker();
        String foreign = "外县单位" + Fixtures.marker();
        long pairedId = created(province, unit(paired, DemoData.PROVINCE)).getLong("id");
        created(province, unit(unpaired, DemoData.PROVINCE));
        created(Tokens.countyCadre(), unit(county, DemoData.COUNTY));
        created(Tokens.cadre(Role.COUNTY_CADRE, OTHER_COUNTY), unit(foreign, OTHER_COUNTY));
        assertEquals(201, pair(province, pairedId, DemoData.VILLAGE, today).statusCode());
        assertEquals(201, pair(province, pairedId, OTHER_TOWNSHIP_VILLAGE, today).statusCode());

        List<String> township = seen(Tokens.townshipCadre(), null);
        assertTrue(township.contains(paired), township::toString);
        assertFalse(township.contains(unpaired));
        assertFalse(township.contains(county), "a county unit without a pairing here");
        assertFalse(township.contains(foreign));
        // The township sees the pairing with its own village only.
        Response r = Api.as(Tokens.townshipCadre()).get("/api/units");
        List<String> villages = r.jsonPath().getList("find { it.name == '" + paired + "' }.pairings.villageCode", String.class);
        assertEquals(List.of(DemoData.VILLAGE), villages);

        List<String> ofCounty = seen(Tokens.countyCadre(), null);
        assertTrue(ofCounty.containsAll(List.of(paired, county)), ofCounty::toString);
        assertFalse(ofCounty.contains(foreign));
        assertFalse(ofCounty.contains(unpaired));
        assertTrue(seen(Tokens.countyCadre(), DemoData.TOWNSHIP).contains(paired));
        assertTrue(seen(province, null).containsAll(List.of(paired, unpaired, county, foreign)));
        assertTrue(seen(Tokens.villageCadre(), null).contains(paired));

        assertInvalid(Api.as(Tokens.townshipCadre()).queryParam("region", DemoData.COUNTY).get("/api/units"), "region");
        assertProblem(Api.as(Tokens.demoFarmer()).get("/api/units"), 403);
        assertProblem(Api.as(Tokens.demoClient("households:read")).get("/api/units"), 403);
    }

    @Test
    void theUnitDirectoryAnswersNamesOfExistingUnits() throws Throwable {
        String name = "名录单位" + Fixtures.marker();
        long id = created(Tokens.countyCadre(), unit(name, DemoData.COUNTY)).getLong("id");
        Map<Long, String> names = VertxContextSupport.subscribeAndAwait(() -> directory.names(List.of(id, 999_999_999L)));
        assertEquals(Map.of(id, name), names);
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> directory.names(List.of())).isEmpty());
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        long id = created(Tokens.countyCadre(), unit("矩阵单位" + Fixtures.marker(), DemoData.COUNTY)).getLong("id");
        LocalDate today = LocalDate.now(clock);
        long pairingId = pair(Tokens.countyCadre(), id, DemoData.VILLAGE, today).jsonPath().getLong("pairings[0].id");
        Tokens.Principal otherCounty = Tokens.cadre(Role.COUNTY_CADRE, OTHER_COUNTY);
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/units?region=" + DemoData.TOWNSHIP)
                        .accepts(Tokens.townshipCadre(), 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.demoClient("households:read"), 403)
                        .otherRegion(Tokens.cadre(Role.TOWNSHIP_CADRE, "410225102000"), 400)
                        .parentRegion(Tokens.villageCadre(), 400),
                SecurityMatrix.post("/api/units", unit("矩阵重名" + Fixtures.marker(), DemoData.COUNTY))
                        .accepts(Tokens.countyCadre(), 201)
                        .wrongRole(Tokens.townshipCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(otherCounty, 403),
                SecurityMatrix.post("/api/units/" + id + "/pairings", Map.of("villageCode", DemoData.VILLAGE, "startDate", today.toString()))
                        .accepts(Tokens.countyCadre(), 409)
                        .wrongRole(Tokens.townshipCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(otherCounty, 403),
                SecurityMatrix.post("/api/units/" + id + "/pairings/" + pairingId + "/end", Map.of("endDate", today.plusDays(1).toString(), "reason", "矩阵"))
                        .accepts(Tokens.countyCadre(), 400)
                        .wrongRole(Tokens.townshipCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(otherCounty, 404));
    }
}
