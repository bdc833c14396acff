package org.dixian.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.calendar.WorkingCalendar;
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

import java.time.Clock;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DeclarationApiTest {
    private static final String CHENGNEI = "410225101200";

    @Inject
    Pool pool;
    @Inject
    Clock clock;
    @Inject
    WorkingCalendar calendar;

    private static final java.util.concurrent.atomic.AtomicLong NEXT_FARMER = new java.util.concurrent.atomic.AtomicLong();

    /** A farmer account bound to a fresh household (the account must exist: cases reference their declarant). */
    private Tokens.Principal boundFarmer(CreatedHousehold h) {
        long id = farmerAccount(DemoData.VILLAGE, h.id());
        return Tokens.farmer(id, DemoData.VILLAGE, h.id());
    }

    private long farmerAccount(String village, Long household) {
        return pool.preparedQuery("insert into account (name, role, region_code, household_id, wechat_openid) "
                        + "values ($1, 'FARMER', $2, $3, $4) returning id")
                .execute(Tuple.of("农户" + Fixtures.marker(), village, household, "o-case-" + UUID.randomUUID()))
                .await().indefinitely().iterator().next().getLong(0);
    }

    static Map<String, Object> declaration() {
        Map<String, Object> m = new HashMap<>();
        m.put("riskTypes", List.of("ILLNESS", "EXPENDITURE_OR_INCOME_DROP"));
        m.put("description", "老伴住院，自付医疗费较多");
        m.put("medicalExpense", 23800.5);
        m.put("contactPhone", Fixtures.uniquePhone());
        m.put("consent", true);
        return m;
    }

    static Response declare(Tokens.Principal p, Map<String, Object> body, String key) {
        var spec = Api.as(p).contentType(ContentType.JSON).body(body);
        return (key == null ? spec : spec.header("Idempotency-Key", key)).post("/api/cases/declarations");
    }

    @Test
    void aBoundFarmerDeclaresOnceAndFollowsTheSteps() {
        CreatedHousehold h = aHousehold().create();
        Tokens.Principal farmer = boundFarmer(h);
        Map<String, Object> body = declaration();
        String key = UUID.randomUUID().toString();
        Response r = declare(farmer, body, key);
        assertEquals(201, r.statusCode(), r::asString);
        JsonPath j = r.jsonPath();
        long id = j.getLong("id");
        assertEquals("VISIT", j.getString("stage"));
        assertTrue(j.getBoolean("open"));
        assertEquals(h.id(), j.getLong("householdId"));
        assertEquals(DemoData.VILLAGE, j.getString("regionCode"));
        assertEquals("任庄村", j.getString("regionName"));
        assertEquals(List.of("DECLARED", "VISIT_ASSIGNED"), j.getList("events.type"));
        LocalDate today = LocalDate.now(clock);
        assertEquals(calendar.days().addWorkingDays(today, 2).toString(), j.getString("stageDue"));
        assertEquals(j.getString("stageDue"), j.getString("events[1].due"));
        String phone = (String) body.get("contactPhone");
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), j.getString("contactPhone"));
        assertFalse(r.asString().contains(phone));

        // A retry with the same key: the same case, no second row.
        Response retry = declare(farmer, body, key);
        assertEquals(201, retry.statusCode(), retry::asString);
        assertEquals(id, retry.jsonPath().getLong("id"));
        assertEquals(1L, count("select count(*) from identification_case where household_id = $1", h.id()));
        assertEquals(2L, count("select count(*) from case_event where case_id = $1", id));

        // Another declaration while this one is open: 409 pointing at it.
        Response second = declare(farmer, declaration(), UUID.randomUUID().toString());
        assertProblem(second, 409);
        assertEquals("/api/cases/" + id, second.jsonPath().getString("existing"));

        assertEquals(List.of(id), Api.as(farmer).get("/api/me/cases").jsonPath().getList("id", Long.class));
        assertEquals(200, Api.as(Tokens.villageCadre()).get("/api/cases/{id}", id).statusCode());
        assertTrue(Api.as(Tokens.townshipCadre()).queryParam("limit", 200).get("/api/cases").jsonPath()
                .getList("items.id", Long.class).contains(id));

        // Withdrawn before the visit: closed, and a new declaration is possible again.
        assertInvalid(Api.as(farmer).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/cases/{id}/withdraw", id), "reason");
        Response w = Api.as(farmer).contentType(ContentType.JSON).body(Map.of("reason", "病情好转，费用已报销"))
                .post("/api/cases/{id}/withdraw", id);
        assertEquals(200, w.statusCode(), w::asString);
        assertEquals("WITHDRAWN", w.jsonPath().getString("stage"));
        assertFalse(w.jsonPath().getBoolean("open"));
        assertEquals(List.of("DECLARED", "VISIT_ASSIGNED", "WITHDRAWN"), w.jsonPath().getList("events.type"));
        assertProblem(Api.as(farmer).contentType(ContentType.JSON).body(Map.of("reason", "再撤一次"))
                .post("/api/cases/{id}/withdraw", id), 409);
        assertFalse(Api.as(Tokens.townshipCadre()).queryParam("limit", 200).get("/api/cases").jsonPath()
                .getList("items.id", Long.class).contains(id));
        assertEquals(201, declare(farmer, declaration(), UUID.randomUUID().toString()).statusCode());
    }

    @Test
    void anUnboundFarmerDeclaresForTheVillageOfTheScannedCode() {
        long account = farmerAccount(null, null);
        Tokens.Principal farmer = Tokens.farmer(account, null, null);
        Map<String, Object> body = declaration();
        assertInvalid(declare(farmer, body, UUID.randomUUID().toString()), "villageCode");
        body.put("villageCode", CHENGNEI);
        assertInvalid(declare(farmer, body, UUID.randomUUID().toString()), "applicantName");
        body.put("applicantName", "赵小军");
        body.put("villageCode", DemoData.TOWNSHIP);
        assertInvalid(declare(farmer, body, UUID.randomUUID().toString()), "villageCode");
        body.put("villageCode", CHENGNEI);
        Response r = declare(farmer, body, UUID.randomUUID().toString());
        assertEquals(201, r.statusCode(), r::asString);
        assertEquals(CHENGNEI, r.jsonPath().getString("regionCode"));
        assertEquals("赵小军", r.jsonPath().getString("applicantName"));
        assertTrue(r.jsonPath().get("householdId") == null);
        assertProblem(declare(farmer, body, UUID.randomUUID().toString()), 409);
        // The village sees it; the neighbouring village does not.
        long id = r.jsonPath().getLong("id");
        assertEquals(200, Api.as(Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI)).get("/api/cases/{id}", id).statusCode());
        assertProblem(Api.as(Tokens.villageCadre()).get("/api/cases/{id}", id), 404);
    }

    @Test
    void badDeclarationsAreRefusedAndNothingIsWritten() {
        CreatedHousehold h = aHousehold().create();
        Tokens.Principal farmer = boundFarmer(h);
        Map<String, Object> noConsent = declaration();
        noConsent.put("consent", false);
        assertInvalid(declare(farmer, noConsent, UUID.randomUUID().toString()), "consent");
        Map<String, Object> blank = declaration();
        blank.put("description", " ");
        assertInvalid(declare(farmer, blank, UUID.randomUUID().toString()), "description");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + farmer.token()).contentType(ContentType.JSON)
                .body(declaration()).post("/api/cases/declarations"), "Idempotency-Key");
        Map<String, Object> noRisk = declaration();
        noRisk.put("riskTypes", List.of());
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + farmer.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(noRisk).post("/api/cases/declarations"), "riskTypes");
        assertEquals(0L, count("select count(*) from identification_case where household_id = $1", h.id()));
    }

    @Test
    void aCadreOpensACaseFromScreeningAndTheFarmerSeesIt() {
        CreatedHousehold h = aHousehold().create();
        Map<String, Object> body = Map.of("householdId", h.id(), "source", "SCREENING",
                "riskTypes", List.of("DISASTER"), "description", "排查发现房屋受损");
        String key = UUID.randomUUID().toString();
        Response r = Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/cases");
        assertEquals(201, r.statusCode(), r::asString);
        long id = r.jsonPath().getLong("id");
        assertEquals("SCREENING", r.jsonPath().getString("source"));
        assertEquals(List.of("OPENED", "VISIT_ASSIGNED"), r.jsonPath().getList("events.type"));
        assertEquals("VILLAGE_CADRE", r.jsonPath().getString("events[0].actorRole"));
        Response retry = Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/cases");
        assertEquals(id, retry.jsonPath().getLong("id"));
        Response again = Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON).body(body).post("/api/cases");
        assertProblem(again, 409);
        assertEquals("/api/cases/" + id, again.jsonPath().getString("existing"));
        // The household's farmer sees the case and cannot declare a second one meanwhile.
        Tokens.Principal farmer = boundFarmer(h);
        assertEquals(List.of(id), Api.as(farmer).get("/api/me/cases").jsonPath().getList("id", Long.class));
        assertProblem(declare(farmer, declaration(), UUID.randomUUID().toString()), 409);
        // Withdrawing is the declarant's: not for a case a cadre opened.
        assertProblem(Api.as(farmer).contentType(ContentType.JSON).body(Map.of("reason", "不需要"))
                .post("/api/cases/{id}/withdraw", id), 403);
        // Out of scope and out of role.
        Map<String, Object> other = Map.of("householdId", aHousehold().create().id(), "source", "VISIT",
                "riskTypes", List.of("ILLNESS"), "description", "走访发现");
        assertProblem(Api.as(Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI)).contentType(ContentType.JSON).body(other)
                .post("/api/cases"), 404);
        assertProblem(Api.as(Tokens.provinceCadre()).contentType(ContentType.JSON).body(other).post("/api/cases"), 403);
    }

    static Map<String, Object> visit(int version) {
        Map<String, Object> m = new HashMap<>();
        m.put("version", version);
        m.put("perCapitaIncome", 5200);
        m.put("bigExpenditure", 23800);
        m.put("foodAndClothing", true);
        m.put("education", true);
        m.put("medical", false);
        m.put("housing", true);
        m.put("drinkingWater", true);
        m.put("riskTypes", List.of("ILLNESS"));
        m.put("findings", "户主妻子住院两次，自付 2.38 万元，年人均纯收入约 5200 元");
        m.put("latitude", 34.82);
        m.put("longitude", 114.82);
        m.put("accuracy", 15);
        return m;
    }

    @Test
    void theVillageRecordsTheHomeVisitAndTheCaseMovesToTheVillageReview() {
        CreatedHousehold h = aHousehold().create();
        Tokens.Principal farmer = boundFarmer(h);
        JsonPath declared = declare(farmer, declaration(), UUID.randomUUID().toString()).jsonPath();
        long id = declared.getLong("id");
        int version = declared.getInt("version");
        String path = "/api/cases/{id}/visit";

        Map<String, Object> blank = visit(version);
        blank.put("findings", " ");
        assertInvalid(Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(blank).post(path, id), "findings");
        Map<String, Object> noPlace = visit(version);
        noPlace.remove("latitude");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.villageCadre().token())
                .contentType(ContentType.JSON).body(noPlace).post(path, id), "latitude");
        assertProblem(Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(visit(version + 5)).post(path, id), 409);
        assertProblem(Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON).body(visit(version)).post(path, id), 403);
        assertProblem(Api.as(Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI)).contentType(ContentType.JSON).body(visit(version))
                .post(path, id), 404);
        assertEquals(0L, count("select count(*) from case_visit where case_id = $1", id));

        Response r = Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(visit(version)).post(path, id);
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals("VILLAGE_REVIEW", r.jsonPath().getString("stage"));
        assertEquals(List.of("DECLARED", "VISIT_ASSIGNED", "VISITED"), r.jsonPath().getList("events.type"));
        assertEquals(calendar.days().addWorkingDays(LocalDate.now(clock), 1).toString(), r.jsonPath().getString("stageDue"));
        assertEquals("VILLAGE_CADRE", r.jsonPath().getString("events[2].actorRole"));
        assertEquals(1L, count("select count(*) from case_visit where case_id = $1 and not medical and latitude = 34.82", id));

        // One visit per stage; the farmer can no longer withdraw.
        assertProblem(Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(visit(r.jsonPath().getInt("version")))
                .post(path, id), 409);
        assertProblem(Api.as(farmer).contentType(ContentType.JSON).body(Map.of("reason", "不要了"))
                .post("/api/cases/{id}/withdraw", id), 409);
        assertEquals("VILLAGE_REVIEW", Api.as(farmer).get("/api/cases/{id}", id).jsonPath().getString("stage"));
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        CreatedHousehold h = aHousehold().create();
        CreatedHousehold other = aHousehold().create();
        Tokens.Principal farmer = boundFarmer(h);
        Tokens.Principal otherFarmer = boundFarmer(other);
        long id = declare(farmer, declaration(), UUID.randomUUID().toString()).jsonPath().getLong("id");
        Tokens.Principal village = Tokens.villageCadre();
        Tokens.Principal otherCounty = Tokens.cadre(Role.COUNTY_CADRE, "410102000000");
        Tokens.Principal siblingVillage = Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI);
        Tokens.Principal manager = Tokens.countyManager();
        Tokens.Principal client = Tokens.demoClient("households:read");
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/cases")
                        .accepts(village, 200)
                        .wrongRole(farmer, 403)
                        .wrongRole(manager, 403)
                        .refuses("client", client, 403),
                SecurityMatrix.get("/api/cases?region=" + DemoData.TOWNSHIP)
                        .accepts(Tokens.townshipCadre(), 200)
                        .parentRegion(siblingVillage, 404)
                        .otherRegion(otherCounty, 404),
                SecurityMatrix.post("/api/cases", Map.of("householdId", h.id(), "source", "VISIT",
                                "riskTypes", List.of("ILLNESS"), "description", "安全矩阵"))
                        .accepts(village, 409) // the household already has an open case
                        .wrongRole(farmer, 403)
                        .wrongRole(manager, 403)
                        .wrongRole(Tokens.provinceCadre(), 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/cases/declarations", declaration())
                        .accepts(farmer, 400) // no Idempotency-Key: refused before anything is written
                        .wrongRole(village, 403)
                        .wrongRole(manager, 403)
                        .refuses("client", client, 403),
                SecurityMatrix.get("/api/cases/" + id)
                        .accepts(farmer, 200)
                        .otherHousehold(otherFarmer, 404)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .wrongRole(manager, 403)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/cases/" + id + "/withdraw", Map.of("reason", "安全矩阵"))
                        .accepts(farmer, 200)
                        .otherHousehold(otherFarmer, 404)
                        .wrongRole(village, 403)
                        .wrongRole(manager, 403),
                SecurityMatrix.post("/api/cases/" + id + "/visit", visit(9_999))
                        .accepts(village, 409) // a stale version: authorised, nothing written
                        .wrongRole(farmer, 403)
                        .wrongRole(Tokens.townshipCadre(), 403)
                        .wrongRole(manager, 403)
                        .parentRegion(siblingVillage, 404)
                        .otherRegion(Tokens.cadre(Role.VILLAGE_CADRE, "410102001002"), 404)
                        .refuses("client", client, 403),
                SecurityMatrix.get("/api/me/cases")
                        .accepts(farmer, 200)
                        .wrongRole(village, 403)
                        .wrongRole(manager, 403));
    }

    private long count(String sql, Object arg) {
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().indefinitely().iterator().next().getLong(0);
    }
}
