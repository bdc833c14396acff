package org.dixian.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Fixtures.CreatedHousehold;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.dixian.testing.Fixtures.aHousehold;
import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class HelperApiTest {
    private static final String CHENGNEI = "410225101200"; // another village of 堌阳镇
    private static final String ZHONGYUAN = "410102000000"; // 郑州市中原区

    @Inject
    Pool pool;

    @Inject
    java.time.Clock clock;

    /** The server's today (Beijing), not the test machine's. */
    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static Map<String, Object> newHelper(String name, String phone, String region) {
        return new HashMap<>(Map.of("name", name, "unit", "兰考县农业农村局", "position", "科员", "phone", phone,
                "regionCode", region));
    }

    static Response register(Tokens.Principal p, Map<String, Object> body, String key) {
        var spec = Api.as(p).contentType(ContentType.JSON).body(body);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.post("/api/helpers");
    }

    /** For bodies the contract itself forbids (the request is not validated against it on the way out). */
    static Response registerInvalid(Tokens.Principal p, Map<String, Object> body) {
        return Api.unchecked().header("Authorization", "Bearer " + p.token()).contentType(ContentType.JSON).body(body)
                .post("/api/helpers");
    }

    static long helper(Tokens.Principal p, String region) {
        Response r = register(p, newHelper("帮扶" + Fixtures.marker(), Fixtures.uniquePhone(), region), null);
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath().getLong("id");
    }

    static Response pair(Tokens.Principal p, long household, Map<String, ?> body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post("/api/households/{id}/helpers", household);
    }

    @Test
    void aCadreRegistersAHelperOnceWithMaskedPhone() {
        String phone = Fixtures.uniquePhone();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = newHelper("王帮扶" + Fixtures.marker(), phone, DemoData.VILLAGE);
        Response first = register(Tokens.villageCadre(), body, key);
        assertEquals(201, first.statusCode(), first::asString);
        JsonPath j = first.jsonPath();
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), j.getString("phone"));
        assertEquals("任庄村", j.getString("regionName"));
        assertFalse(first.asString().contains(phone), "the full phone never leaves the server in a list or a record");
        Response retry = register(Tokens.villageCadre(), body, key);
        assertEquals(201, retry.statusCode(), retry::asString);
        assertEquals(j.getLong("id"), retry.jsonPath().getLong("id"));
        assertEquals(1L, count("select count(*) from helper where name = $1", body.get("name")));
        assertEquals(1L, count("select count(*) from helper_event e join helper h on h.id = e.helper_id where h.name = $1",
                body.get("name")));
    }

    @Test
    void badHelpersAreRefusedAndNothingIsWritten() {
        String name = "错" + Fixtures.marker();
        assertInvalid(registerInvalid(Tokens.villageCadre(), newHelper(name, "12345", DemoData.VILLAGE)), "phone");
        Map<String, Object> noUnit = newHelper(name, Fixtures.uniquePhone(), DemoData.VILLAGE);
        noUnit.put("unit", " ");
        assertInvalid(registerInvalid(Tokens.villageCadre(), noUnit), "unit");
        assertInvalid(register(Tokens.countyCadre(), newHelper(name, Fixtures.uniquePhone(), "410225999999"), null), "regionCode");
        assertProblem(register(Tokens.villageCadre(), newHelper(name, Fixtures.uniquePhone(), CHENGNEI), null), 403);
        assertProblem(register(Tokens.provinceCadre(), newHelper(name, Fixtures.uniquePhone(), DemoData.VILLAGE), null), 403);
        assertEquals(0L, count("select count(*) from helper where name = $1", name));
    }

    @Test
    void aVillageCadreFindsHelpersOfItsVillageAndAboveButNotElsewhere() {
        String m = Fixtures.marker();
        long own = idOf(register(Tokens.villageCadre(), newHelper("甲" + m, Fixtures.uniquePhone(), DemoData.VILLAGE), null));
        long county = idOf(register(Tokens.countyCadre(), newHelper("乙" + m, Fixtures.uniquePhone(), DemoData.COUNTY), null));
        long sibling = idOf(register(Tokens.townshipCadre(), newHelper("丙" + m, Fixtures.uniquePhone(), CHENGNEI), null));
        long elsewhere = idOf(register(Tokens.cadre(Role.COUNTY_CADRE, ZHONGYUAN),
                newHelper("丁" + m, Fixtures.uniquePhone(), ZHONGYUAN), null));
        assertTrue(ids(Tokens.villageCadre(), "").containsAll(List.of(own, county)));
        assertFalse(ids(Tokens.villageCadre(), "").contains(sibling));
        assertFalse(ids(Tokens.villageCadre(), "").contains(elsewhere));
        assertTrue(ids(Tokens.townshipCadre(), "").containsAll(List.of(own, county, sibling)));
        assertEquals(List.of(own), ids(Tokens.villageCadre(), "甲" + m));
        assertEquals(List.of(), ids(Tokens.villageCadre(), "%"), "LIKE wildcards are taken literally");
    }

    @Test
    void pairingIsRecordedAndTheFarmerCanCallItsHelper() {
        CreatedHousehold h = aHousehold().create();
        String phone = Fixtures.uniquePhone();
        Response reg = register(Tokens.countyCadre(), newHelper("刘帮扶" + Fixtures.marker(), phone, DemoData.COUNTY), null);
        long helperId = idOf(reg);
        Response paired = pair(Tokens.villageCadre(), h.id(), Map.of("helperId", helperId, "reason", "监测对象落实帮扶"));
        assertEquals(201, paired.statusCode(), paired::asString);
        long pairingId = paired.jsonPath().getLong("id");
        assertTrue(paired.jsonPath().getBoolean("current"));
        assertEquals(today().toString(), paired.jsonPath().getString("startDate"));
        assertProblem(pair(Tokens.villageCadre(), h.id(), Map.of("helperId", helperId, "reason", "重复")), 409);

        Tokens.Principal farmer = Tokens.farmer(960_000, DemoData.VILLAGE, h.id());
        Response list = Api.as(farmer).get("/api/households/{id}/helpers", h.id());
        assertEquals(200, list.statusCode(), list::asString);
        assertEquals(List.of(pairingId), list.jsonPath().getList("id", Long.class));
        assertEquals(reg.jsonPath().getString("phone"), list.jsonPath().getString("[0].helper.phone"));

        Response call = Api.as(farmer).post("/api/households/{id}/helpers/{p}/phone", h.id(), pairingId);
        assertEquals(200, call.statusCode(), call::asString);
        assertEquals(phone, call.jsonPath().getString("value"));
        assertEquals(1L, count("select count(*) from helper_contact where helper_id = $1 and actor_role = 'FARMER'", helperId));
        // The pairing belongs to this household: through another household's path it does not exist.
        CreatedHousehold other = aHousehold().create();
        assertProblem(Api.as(Tokens.villageCadre()).post("/api/households/{id}/helpers/{p}/phone", other.id(), pairingId), 404);

        List<String> types = Api.as(Tokens.villageCadre()).get("/api/households/{id}/timeline", h.id()).jsonPath().getList("type");
        assertEquals(List.of("CREATED", "HELPER_PAIRED"), types);

        String end = "/api/households/{id}/helpers/{p}/end";
        assertInvalid(Api.as(Tokens.villageCadre()).contentType(ContentType.JSON)
                .body(Map.of("reason", "提前", "endDate", today().minusDays(3).toString())).post(end, h.id(), pairingId), "endDate");
        assertInvalid(Api.as(Tokens.villageCadre()).contentType(ContentType.JSON)
                .body(Map.of("reason", " ")).post(end, h.id(), pairingId), "reason");
        Response ended = Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(Map.of("reason", "工作调整"))
                .post(end, h.id(), pairingId);
        assertEquals(200, ended.statusCode(), ended::asString);
        assertFalse(ended.jsonPath().getBoolean("current"));
        assertEquals(today().toString(), ended.jsonPath().getString("endDate"));
        assertProblem(Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(Map.of("reason", "再结束"))
                .post(end, h.id(), pairingId), 409);
        assertProblem(Api.as(farmer).post("/api/households/{id}/helpers/{p}/phone", h.id(), pairingId), 404);
        assertEquals(List.of("CREATED", "HELPER_PAIRED", "HELPER_ENDED"),
                Api.as(Tokens.villageCadre()).get("/api/households/{id}/timeline", h.id()).jsonPath().getList("type"));

        // Paired again later: a new current pairing, listed before the ended one.
        Response again = pair(Tokens.villageCadre(), h.id(), Map.of("helperId", helperId, "reason", "恢复帮扶"));
        assertEquals(201, again.statusCode(), again::asString);
        JsonPath all = Api.as(farmer).get("/api/households/{id}/helpers", h.id()).jsonPath();
        assertEquals(List.of(true, false), all.getList("current"));
    }

    @Test
    void pairingChecksTheHelperAndTheDates() {
        CreatedHousehold h = aHousehold().create();
        long sibling = helper(Tokens.townshipCadre(), CHENGNEI);
        assertInvalid(pair(Tokens.villageCadre(), h.id(), Map.of("helperId", sibling, "reason", "看不到的人")), "helperId");
        long own = helper(Tokens.villageCadre(), DemoData.VILLAGE);
        assertInvalid(pair(Tokens.villageCadre(), h.id(), Map.of("helperId", own, "reason", "未来",
                "startDate", today().plusDays(1).toString())), "startDate");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.villageCadre().token())
                .contentType(ContentType.JSON).body(Map.of("reason", "缺人")).post("/api/households/{id}/helpers", h.id()), "helperId");
        assertEquals(0L, count("select count(*) from household_helper where household_id = $1", h.id()));
        assertEquals(List.of("CREATED"),
                Api.as(Tokens.villageCadre()).get("/api/households/{id}/timeline", h.id()).jsonPath().getList("type"));
        assertNull(Api.as(Tokens.villageCadre()).get("/api/households/{id}/helpers", h.id()).jsonPath().get("[0]"));
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        CreatedHousehold h = aHousehold().create();
        CreatedHousehold another = aHousehold().create();
        long helperId = helper(Tokens.villageCadre(), DemoData.VILLAGE);
        long pairingId = idOf(pair(Tokens.villageCadre(), h.id(), Map.of("helperId", helperId, "reason", "矩阵")));
        String base = "/api/households/" + h.id() + "/helpers";
        Tokens.Principal village = Tokens.villageCadre();
        Tokens.Principal otherCounty = Tokens.cadre(Role.COUNTY_CADRE, ZHONGYUAN);
        Tokens.Principal siblingVillage = Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI);
        Tokens.Principal manager = Tokens.countyManager();
        Tokens.Principal province = Tokens.provinceCadre();
        Tokens.Principal ownFarmer = Tokens.farmer(960_001, DemoData.VILLAGE, h.id());
        Tokens.Principal otherFarmer = Tokens.farmer(960_002, DemoData.VILLAGE, another.id());
        Tokens.Principal reader = Tokens.demoClient("households:read");
        Tokens.Principal noScope = Tokens.demoClient("regions:read");
        // Writes that pass every access check and then end in 409 or 400: no side effects.
        Map<String, Object> duplicatePair = Map.of("helperId", helperId, "reason", "安全矩阵");
        Map<String, Object> futureEnd = Map.of("reason", "安全矩阵", "endDate", today().plusDays(5).toString());
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/helpers")
                        .accepts(village, 200)
                        .wrongRole(manager, 403)
                        .wrongRole(province, 403)
                        .wrongRole(ownFarmer, 403)
                        .refuses("client with households:read", reader, 403),
                SecurityMatrix.post("/api/helpers", newHelper("矩阵", Fixtures.uniquePhone(), DemoData.VILLAGE))
                        .accepts(village, 201)
                        .wrongRole(manager, 403)
                        .wrongRole(province, 403)
                        .wrongRole(ownFarmer, 403)
                        .refuses("client with households:read", reader, 403)
                        .otherRegion(otherCounty, 403)
                        .parentRegion(siblingVillage, 403),
                SecurityMatrix.get(base)
                        .accepts(village, 200)
                        .wrongRole(manager, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .otherHousehold(otherFarmer, 404)
                        .clientWithoutScope(noScope, 403),
                SecurityMatrix.post(base, duplicatePair)
                        .accepts(village, 409)
                        .wrongRole(manager, 403)
                        .wrongRole(province, 403)
                        .wrongRole(ownFarmer, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .refuses("client with households:read", reader, 403),
                SecurityMatrix.post(base + "/" + pairingId + "/end", futureEnd)
                        .accepts(village, 400)
                        .wrongRole(manager, 403)
                        .wrongRole(province, 403)
                        .wrongRole(ownFarmer, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .refuses("client with households:read", reader, 403),
                SecurityMatrix.post(base + "/" + pairingId + "/phone", null)
                        .accepts(village, 200)
                        .wrongRole(manager, 403)
                        .wrongRole(province, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .otherHousehold(otherFarmer, 404)
                        .refuses("client with households:read", reader, 403));
    }

    private List<Long> ids(Tokens.Principal p, String q) {
        Response r = Api.as(p).queryParam("q", q).queryParam("limit", 200).get("/api/helpers");
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath().getList("items.id", Long.class);
    }

    private static long idOf(Response r) {
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath().getLong("id");
    }

    private long count(String sql, Object arg) {
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().indefinitely().iterator().next().getLong(0);
    }
}
