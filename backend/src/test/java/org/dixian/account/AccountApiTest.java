package org.dixian.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Fixtures.CreatedAccount;
import org.dixian.testing.Logins;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.dixian.testing.Fixtures.anAccount;
import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AccountApiTest {
    private static final String ZHONGYUAN = "410102000000"; // 郑州市中原区
    private static final String SIBLING_VILLAGE = "410225101202";
    private static final String OTHER_TOWNSHIP = "410225102000";

    @Inject
    Pool pool;

    @Test
    void managerCreatesAnInfoOfficerInAVillage() {
        String phone = Fixtures.uniquePhone();
        String name = "信息员" + Fixtures.marker();
        Response r = anAccount().role(Role.INFO_OFFICER).inRegion(DemoData.VILLAGE).named(name).phone(phone)
                .position("村信息员").post();
        assertEquals(201, r.statusCode(), r::asString);
        JsonPath j = r.jsonPath();
        long id = j.getLong("id");
        assertEquals(name, j.getString("name"));
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), j.getString("phone"));
        assertTrue(!r.asString().contains(phone), "the full phone never leaves the server");
        assertEquals(DemoData.VILLAGE, j.getString("regionCode"));
        assertEquals("任庄村", j.getString("regionName"));
        assertEquals(5, j.getInt("level"));
        assertEquals("INFO_OFFICER", j.getString("role"));
        assertEquals("村信息员", j.getString("position"));
        assertEquals("ACTIVE", j.getString("status"));
        assertNotNull(j.getString("createdAt"));

        JsonPath again = Api.as(Tokens.countyManager()).get("/api/accounts/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals(name, again.getString("name"));
        assertEquals(j.getString("phone"), again.getString("phone"));

        Response events = Api.as(Tokens.countyManager()).get("/api/accounts/{id}/events", id);
        assertEquals(200, events.statusCode(), events::asString);
        assertEquals(List.of("CREATED"), events.jsonPath().getList("type"));
        assertEquals(9, events.jsonPath().getInt("[0].actorId"));
        assertEquals("ACCOUNT_MANAGER", events.jsonPath().getString("[0].actorRole"));
        assertEquals(DemoData.COUNTY, events.jsonPath().getString("[0].actorRegion"));
        assertNotNull(events.jsonPath().getString("[0].at"));
    }

    @Test
    void theCreatedCadreCanLogInWithItsPhone() {
        CreatedAccount a = anAccount().role(Role.VILLAGE_CADRE).create();
        Logins.Pair pair = a.login();
        JsonPath me = Api.bearer(pair.accessToken()).get("/api/me").then().statusCode(200).extract().jsonPath();
        assertEquals(a.id(), me.getLong("id"));
        assertEquals("VILLAGE_CADRE", me.getString("role"));
        assertEquals(a.name(), me.getString("name"));
    }

    @Test
    void retryWithTheSameIdempotencyKeyCreatesOneAccount() {
        String key = "retry-" + UUID.randomUUID();
        String name = "幂等" + Fixtures.marker();
        Fixtures.AccountBuilder b = anAccount().named(name).idempotencyKey(key);
        Response first = b.post();
        Response second = b.post();
        assertEquals(201, first.statusCode(), first::asString);
        assertEquals(201, second.statusCode(), second::asString);
        assertEquals(first.jsonPath().getLong("id"), second.jsonPath().getLong("id"));
        assertEquals(first.jsonPath().getString("phone"), second.jsonPath().getString("phone"));
        assertEquals(1, list(Tokens.countyManager(), Map.of("q", name)).getList("items").size());
    }

    @Test
    void theSameKeyFromAnotherManagerIsAnotherRequest() {
        String key = "shared-" + UUID.randomUUID();
        long a = anAccount().idempotencyKey(key).create().id();
        long b = anAccount().idempotencyKey(key).by(Tokens.provinceManager()).create().id();
        assertTrue(a != b);
    }

    @Test
    void duplicatePhoneIsAConflictOnThePhoneField() {
        CreatedAccount existing = anAccount().create();
        String name = "重复" + Fixtures.marker();
        Response r = anAccount().named(name).phone(existing.phone()).idempotencyKey("dup-" + UUID.randomUUID()).post();
        JsonPath p = assertProblem(r, 409);
        assertEquals(List.of("phone"), p.getList("errors.field"));
        assertEquals(0, list(Tokens.countyManager(), Map.of("q", name)).getList("items").size());
    }

    @Test
    void roleMustSitAtItsLevel() {
        assertInvalid(anAccount().role(Role.TOWNSHIP_CADRE).inRegion(DemoData.VILLAGE).post(), "regionCode");
        assertInvalid(anAccount().role(Role.VILLAGE_CADRE).inRegion(DemoData.TOWNSHIP).post(), "regionCode");
        assertInvalid(anAccount().role(Role.COUNTY_CADRE).inRegion(DemoData.TOWNSHIP).post(), "regionCode");
        // an account manager may sit at any level
        anAccount().role(Role.ACCOUNT_MANAGER).inRegion(DemoData.TOWNSHIP).create();
    }

    @Test
    void regionOutsideTheManagersCountyIsForbidden() {
        assertProblem(anAccount().inRegion("410102001001").post(), 403);
        assertProblem(anAccount().role(Role.CITY_CADRE).inRegion(DemoData.CITY).post(), 403);
    }

    @Test
    void unknownRegionIsInvalid() {
        assertInvalid(anAccount().inRegion("410225101999").post(), "regionCode");
    }

    @Test
    void farmersAndClientsAreNotCreatedHere() {
        assertInvalid(anAccount().role(Role.FARMER).post(), "role");
        assertInvalid(anAccount().role(Role.API_CLIENT).post(), "role");
    }

    @Test
    void onlyAccountManagersCreate() {
        assertProblem(anAccount().by(Tokens.townshipCadre()).post(), 403);
        assertProblem(anAccount().by(Tokens.countyCadre()).post(), 403);
        assertProblem(anAccount().by(Tokens.demoFarmer()).post(), 403);
    }

    @Test
    void rejectedCreatesWriteNothing() {
        long accounts = count("account");
        long events = count("account_event");
        String existingPhone = anAccount().create().phone();
        accounts++;
        events++;
        String key = "reject-" + UUID.randomUUID();
        assertProblem(anAccount().phone(existingPhone).idempotencyKey(key).post(), 409);
        assertProblem(anAccount().inRegion("410102001001").idempotencyKey(key).post(), 403);
        assertProblem(anAccount().role(Role.TOWNSHIP_CADRE).idempotencyKey(key).post(), 400);
        assertProblem(anAccount().inRegion("410225101999").idempotencyKey(key).post(), 400);
        assertProblem(anAccount().role(Role.FARMER).idempotencyKey(key).post(), 400);
        assertProblem(anAccount().by(Tokens.townshipCadre()).idempotencyKey(key).post(), 403);
        assertEquals(accounts, count("account"), "no account row from rejected requests");
        assertEquals(events, count("account_event"), "no event row from rejected requests");
        // A rejected request does not use up its idempotency key.
        CreatedAccount ok = anAccount().idempotencyKey(key).create();
        assertEquals(accounts + 1, count("account"));
        assertTrue(ok.id() > 0);
    }

    @Test
    void listFiltersAndPagesThroughEachAccountOnce() {
        String m = Fixtures.marker();
        CreatedAccount officer = anAccount().named("甲" + m).role(Role.INFO_OFFICER).inRegion(DemoData.VILLAGE).create();
        CreatedAccount sibling = anAccount().named("乙" + m).role(Role.VILLAGE_CADRE).inRegion(SIBLING_VILLAGE).create();
        CreatedAccount township = anAccount().named("丙" + m).role(Role.TOWNSHIP_CADRE).inRegion(DemoData.TOWNSHIP).create();
        CreatedAccount elsewhere = anAccount().named("丁" + m).role(Role.TOWNSHIP_CADRE).inRegion(OTHER_TOWNSHIP).create();
        Tokens.Principal manager = Tokens.countyManager();

        assertEquals(List.of(officer.id(), sibling.id(), township.id(), elsewhere.id()), ids(list(manager, Map.of("q", m))));
        assertEquals(List.of(officer.id()), ids(list(manager, Map.of("q", m, "role", "INFO_OFFICER"))));
        assertEquals(List.of(officer.id()), ids(list(manager, Map.of("q", m, "region", DemoData.VILLAGE))));
        assertEquals(List.of(officer.id(), sibling.id(), township.id()),
                ids(list(manager, Map.of("q", m, "region", DemoData.TOWNSHIP))));

        disable(manager, sibling.id(), "调离").then().statusCode(200);
        assertEquals(List.of(sibling.id()), ids(list(manager, Map.of("q", m, "status", "DISABLED"))));
        assertEquals(List.of(officer.id(), township.id(), elsewhere.id()),
                ids(list(manager, Map.of("q", m, "status", "ACTIVE"))));

        // Keyset pagination, two per page: every account exactly once, in id order, then no cursor.
        List<Long> seen = new ArrayList<>();
        Long after = null;
        int pages = 0;
        do {
            Map<String, Object> params = new java.util.HashMap<>(Map.of("q", m, "limit", 2));
            if (after != null) {
                params.put("after", after);
            }
            JsonPath page = list(manager, params);
            List<Long> pageIds = ids(page);
            assertTrue(pageIds.size() <= 2);
            seen.addAll(pageIds);
            after = page.get("nextAfter") == null ? null : page.getLong("nextAfter");
            if (after != null) {
                assertEquals(pageIds.get(pageIds.size() - 1), after);
            }
            pages++;
        } while (after != null && pages < 10);
        assertEquals(List.of(officer.id(), sibling.id(), township.id(), elsewhere.id()), seen);
        assertEquals(2, pages);

        // A township cadre sees only its township's accounts.
        assertEquals(List.of(officer.id(), sibling.id(), township.id()), ids(list(Tokens.townshipCadre(), Map.of("q", m))));
        // Another county's manager sees none of them.
        assertEquals(List.of(), ids(list(Tokens.cadre(Role.ACCOUNT_MANAGER, ZHONGYUAN), Map.of("q", m))));
    }

    @Test
    void farmersAreNotInTheStaffList() {
        assertEquals(List.of(), ids(list(Tokens.countyManager(), Map.of("q", "赵大山"))));
        assertEquals(List.of(4L), ids(list(Tokens.countyManager(), Map.of("q", "王秀兰"))));
    }

    @Test
    void listRegionFilterMustBeInsideScope() {
        assertProblem(Api.as(Tokens.townshipCadre()).queryParam("region", DemoData.COUNTY).get("/api/accounts"), 404);
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.countyManager().token())
                .queryParam("region", "41022").get("/api/accounts"), "region");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.countyManager().token())
                .queryParam("limit", 0).get("/api/accounts"), "limit");
    }

    @Test
    void accountsOutsideScopeAreNotFound() {
        CreatedAccount a = anAccount().create();
        Tokens.Principal other = Tokens.cadre(Role.ACCOUNT_MANAGER, ZHONGYUAN);
        assertProblem(Api.as(other).get("/api/accounts/{id}", a.id()), 404);
        assertProblem(Api.as(other).get("/api/accounts/{id}/events", a.id()), 404);
        assertProblem(Api.as(other).contentType(ContentType.JSON).body(Map.of("reason", "测试"))
                .post("/api/accounts/{id}/disable", a.id()), 404);
        assertProblem(Api.as(Tokens.countyManager()).get("/api/accounts/{id}", 987_654_321L), 404);
        // the farmer is no staff account: not even its manager may change it
        assertProblem(disable(Tokens.countyManager(), 10, "测试"), 404);
    }

    @Test
    void disablingRevokesSessionsAndLoginUntilEnabledAgain() {
        CreatedAccount a = anAccount().role(Role.VILLAGE_CADRE).create();
        Logins.Pair session = a.login();
        Tokens.Principal manager = Tokens.countyManager();

        Response disabled = disable(manager, a.id(), "人员离职");
        assertEquals(200, disabled.statusCode(), disabled::asString);
        assertEquals("DISABLED", disabled.jsonPath().getString("status"));
        assertEquals(a.id(), disabled.jsonPath().getLong("id"));

        assertProblem(Logins.refresh(session.refreshToken()), 401);
        assertProblem(Logins.cadreLogin(Logins.phoneCode(a.phone())), 403);
        assertProblem(Logins.devLogin(a.id()), 404);
        assertProblem(disable(manager, a.id(), "再次停用"), 409);

        Response enabled = enable(manager, a.id(), "返岗");
        assertEquals(200, enabled.statusCode(), enabled::asString);
        assertEquals("ACTIVE", enabled.jsonPath().getString("status"));
        assertProblem(enable(manager, a.id(), "再次启用"), 409);
        Logins.Pair again = a.login();
        Api.bearer(again.accessToken()).get("/api/me").then().statusCode(200);

        JsonPath events = Api.as(manager).get("/api/accounts/{id}/events", a.id()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CREATED", "DISABLED", "ENABLED"), events.getList("type"));
        assertEquals("人员离职", events.getString("[1].reason"));
        assertEquals("返岗", events.getString("[2].reason"));
        assertEquals(9, events.getInt("[1].actorId"));
        List<Long> eventIds = events.getList("id", Long.class);
        assertEquals(eventIds.stream().sorted().toList(), eventIds, "in order");
    }

    @Test
    void managerCannotChangeItsOwnStatus() {
        assertProblem(disable(Tokens.countyManager(), 9, "测试"), 409);
        assertProblem(enable(Tokens.countyManager(), 9, "测试"), 409);
    }

    @Test
    void reasonIsRequired() {
        CreatedAccount a = anAccount().create();
        String token = Tokens.countyManager().token();
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of()).post("/api/accounts/{id}/disable", a.id()), "reason");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("reason", "  ")).post("/api/accounts/{id}/disable", a.id()), "reason");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("reason", "长".repeat(201))).post("/api/accounts/{id}/disable", a.id()), "reason");
        assertProblem(Api.unchecked().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .post("/api/accounts/{id}/disable", a.id()), 400);
        assertEquals("ACTIVE", Api.as(Tokens.countyManager()).get("/api/accounts/{id}", a.id()).jsonPath().getString("status"));
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal manager = Tokens.countyManager();
        Tokens.Principal otherCountyManager = Tokens.cadre(Role.ACCOUNT_MANAGER, ZHONGYUAN);
        Tokens.Principal villageManager = Tokens.cadre(Role.ACCOUNT_MANAGER, DemoData.VILLAGE);
        Tokens.Principal otherTownshipManager = Tokens.cadre(Role.ACCOUNT_MANAGER, OTHER_TOWNSHIP);
        Tokens.Principal farmer = Tokens.demoFarmer();
        Tokens.Principal client = Tokens.demoClient("alerts:push", "households:read", "regions:read");
        // Township-level accounts: one active (enable → 409), one disabled (disable → 409); no side effects.
        CreatedAccount active = anAccount().role(Role.TOWNSHIP_CADRE).inRegion(DemoData.TOWNSHIP).create();
        CreatedAccount disabled = anAccount().role(Role.TOWNSHIP_CADRE).inRegion(DemoData.TOWNSHIP).create();
        disable(manager, disabled.id(), "测试").then().statusCode(200);
        // An existing phone: a create that passes every access check ends in 409 and writes nothing.
        Map<String, Object> duplicate = Map.of("name", "矩阵", "phone", "13800000004", "regionCode", DemoData.TOWNSHIP,
                "role", "TOWNSHIP_CADRE");
        Map<String, Object> reason = Map.of("reason", "安全矩阵");
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/accounts?region=" + DemoData.TOWNSHIP)
                        .accepts(manager, 200)
                        .wrongRole(Tokens.villageCadre(), 403)
                        .wrongRole(farmer, 403)
                        .otherRegion(otherCountyManager, 404)
                        .parentRegion(villageManager, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/accounts", duplicate)
                        .accepts(manager, 409)
                        .wrongRole(Tokens.townshipCadre(), 403)
                        .wrongRole(Tokens.countyCadre(), 403)
                        .wrongRole(farmer, 403)
                        .otherRegion(otherCountyManager, 403)
                        .parentRegion(villageManager, 403)
                        .refuses("client", client, 403),
                SecurityMatrix.get("/api/accounts/" + active.id())
                        .accepts(manager, 200)
                        .wrongRole(Tokens.villageCadre(), 403)
                        .wrongRole(farmer, 403)
                        .otherRegion(otherTownshipManager, 404)
                        .parentRegion(villageManager, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.get("/api/accounts/" + active.id() + "/events")
                        .accepts(manager, 200)
                        .wrongRole(Tokens.villageCadre(), 403)
                        .wrongRole(farmer, 403)
                        .otherRegion(otherTownshipManager, 404)
                        .parentRegion(villageManager, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/accounts/" + disabled.id() + "/disable", reason)
                        .accepts(manager, 409)
                        .wrongRole(Tokens.countyCadre(), 403)
                        .wrongRole(Tokens.townshipCadre(), 403)
                        .wrongRole(farmer, 403)
                        .otherRegion(otherTownshipManager, 404)
                        .parentRegion(villageManager, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/accounts/" + active.id() + "/enable", reason)
                        .accepts(manager, 409)
                        .wrongRole(Tokens.countyCadre(), 403)
                        .wrongRole(Tokens.townshipCadre(), 403)
                        .wrongRole(farmer, 403)
                        .otherRegion(otherTownshipManager, 404)
                        .parentRegion(villageManager, 404)
                        .refuses("client", client, 403));
    }

    private static JsonPath list(Tokens.Principal p, Map<String, ?> params) {
        Response r = Api.as(p).queryParams(params).get("/api/accounts");
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    private static List<Long> ids(JsonPath page) {
        List<Long> ids = page.getList("items.id", Long.class);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no account twice");
        return ids;
    }

    private static Response disable(Tokens.Principal p, long id, String reason) {
        return Api.as(p).contentType(ContentType.JSON).body(Map.of("reason", reason)).post("/api/accounts/{id}/disable", id);
    }

    private static Response enable(Tokens.Principal p, long id, String reason) {
        return Api.as(p).contentType(ContentType.JSON).body(Map.of("reason", reason)).post("/api/accounts/{id}/enable", id);
    }

    private long count(String table) {
        return pool.query("select count(*) from " + table).execute().await().indefinitely().iterator().next().getLong(0);
    }
}
