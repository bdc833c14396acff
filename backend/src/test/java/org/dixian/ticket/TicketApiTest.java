package org.dixian.ticket;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The core of the ticket cycle: filing, registering, accepting, handling, replying, rating, privacy. */
@QuarkusTest
class TicketApiTest {
    private static final String CHENGNEI = "410225101200";

    @Inject
    Pool pool;
    @Inject
    Clock clock;
    @Inject
    WorkingCalendar calendar;

    private final Tokens.Principal village = Tokens.villageCadre();
    private final Tokens.Principal township = Tokens.townshipCadre();
    private final Tokens.Principal county = Tokens.countyCadre();

    /** A farmer bound to a fresh household of 任庄村, with an account name. */
    Tokens.Principal farmer() {
        CreatedHousehold h = aHousehold().create();
        long id = pool.preparedQuery("insert into account (name, role, region_code, household_id, wechat_openid) "
                        + "values ($1, 'FARMER', $2, $3, $4) returning id")
                .execute(Tuple.of("王小二", DemoData.VILLAGE, h.id(), "o-ticket-" + UUID.randomUUID()))
                .await().indefinitely().iterator().next().getLong(0);
        return Tokens.farmer(id, DemoData.VILLAGE, h.id());
    }

    static Map<String, Object> complaint(String category) {
        Map<String, Object> m = new HashMap<>();
        m.put("category", category);
        m.put("title", "帮扶资金迟迟未到账");
        m.put("description", "去年申请的产业帮扶资金到现在还没发放，村里说在走流程");
        m.put("contactPhone", "13712345678");
        return m;
    }

    static Response file(Tokens.Principal farmer, Map<String, Object> body, String key) {
        var spec = Api.as(farmer).contentType(ContentType.JSON).body(body);
        return (key == null ? spec : spec.header("Idempotency-Key", key)).post("/api/tickets");
    }

    private static Response post(Tokens.Principal p, String path, long id, Object body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post(path, id);
    }

    private static JsonPath ok(Response r) {
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    /** A filed ticket accepted by the township and given to 任庄村. */
    JsonPath handling(Tokens.Principal farmer, String category) {
        JsonPath t = file(farmer, complaint(category), UUID.randomUUID().toString()).jsonPath();
        return ok(post(township, "/api/tickets/{id}/accept", t.getLong("id"),
                Map.of("version", t.getInt("version"), "assignTo", DemoData.VILLAGE, "note", "请村里核实资金发放情况")));
    }

    private void rateFromToday(long id) {
        pool.preparedQuery("update ticket set rate_from = $2 where id = $1").execute(Tuple.of(id, LocalDate.now(clock)))
                .await().indefinitely();
    }

    @Test
    void aFarmerFilesAndTheTicketGoesRoundTheCycle() {
        Tokens.Principal farmer = farmer();
        String key = UUID.randomUUID().toString();
        Response r = file(farmer, complaint("SUBSIDY"), key);
        assertEquals(201, r.statusCode(), r::asString);
        JsonPath t = r.jsonPath();
        long id = t.getLong("id");
        assertEquals("REGISTERED", t.getString("status"));
        assertTrue(t.getString("ticketNo").matches("TS\\d{8}\\d{6}"), t.getString("ticketNo"));
        LocalDate today = LocalDate.now(clock);
        assertEquals(calendar.days().addWorkingDays(today, 1).toString(), t.getString("acceptDue"));
        assertEquals("王**", t.getString("complainantName"));
        assertEquals("137****5678", t.getString("complainantPhone"));
        assertEquals("MINIPROGRAM", t.getString("channel"));
        // A retry is the same ticket.
        assertEquals(id, file(farmer, complaint("SUBSIDY"), key).jsonPath().getLong("id"));
        assertEquals(1L, count("select count(*) from ticket where request_key like '%' || $1", key));
        assertEquals(List.of(id), Api.as(farmer).get("/api/me/tickets").jsonPath().getList("id", Long.class));
        // The township's todo has it to accept.
        assertTrue(Api.as(township).get("/api/tickets").jsonPath().getList("items.id", Long.class).contains(id));

        // Only the accepting unit accepts, into its own region, on the version read.
        Map<String, Object> accept = Map.of("version", t.getInt("version"), "assignTo", DemoData.VILLAGE);
        assertProblem(post(village, "/api/tickets/{id}/accept", id, accept), 403);
        assertProblem(post(county, "/api/tickets/{id}/accept", id, accept), 403);
        assertProblem(post(township, "/api/tickets/{id}/accept", id, Map.of("version", t.getInt("version"), "assignTo", "410225102201")), 404);
        assertProblem(post(township, "/api/tickets/{id}/accept", id, Map.of("version", 99, "assignTo", DemoData.VILLAGE)), 409);
        t = ok(post(township, "/api/tickets/{id}/accept", id, accept));
        assertEquals("HANDLING", t.getString("status"));
        assertEquals(DemoData.VILLAGE, t.getString("handlerRegion"));
        assertEquals("任庄村", t.getString("handlerRegionName"));
        assertEquals(calendar.days().addWorkingDays(today, 15).toString(), t.getString("handleDue"));
        assertEquals(List.of("REGISTERED", "ACCEPTED", "ASSIGNED"), t.getList("events.type"));
        assertTrue(Api.as(village).get("/api/tickets").jsonPath().getList("items.id", Long.class).contains(id));
        // The handling village and the complainant are told.
        assertTrue(told(village, id).contains("新交办工单"));
        assertTrue(told(farmer, id).contains("工单已受理"));

        // The village records what it did and replies; the township cannot reply for it.
        ok(post(village, "/api/tickets/{id}/actions", id, Map.of("content", "已联系乡财政所核实拨付进度")));
        int version = Api.as(village).get("/api/tickets/{id}", id).jsonPath().getInt("version");
        assertProblem(post(township, "/api/tickets/{id}/reply", id, Map.of("version", version, "content", "代答")), 403);
        t = ok(post(village, "/api/tickets/{id}/reply", id, Map.of("version", version, "content", "资金已于本周拨付到户，请查收")));
        assertEquals("REPLIED", t.getString("status"));
        assertEquals(calendar.days().addWorkingDays(today, 1).toString(), t.getString("rateFrom"));
        // Rating waits for the next working day.
        assertProblem(post(farmer, "/api/tickets/{id}/rate", id, Map.of("satisfaction", "SATISFIED")), 409);
        rateFromToday(id);
        // 不满意 sends it back for re-handling, with a new deadline.
        t = ok(post(farmer, "/api/tickets/{id}/rate", id, Map.of("satisfaction", "DISSATISFIED", "comment", "钱还没到")));
        assertEquals("HANDLING", t.getString("status"));
        assertEquals(1, t.getInt("rehandleCount"));
        assertTrue(t.getList("events.type").contains("REOPENED"));
        t = ok(post(village, "/api/tickets/{id}/reply", id, Map.of("version", t.getInt("version"), "content", "已到账，附银行流水")));
        rateFromToday(id);
        // Another farmer cannot rate it.
        assertProblem(post(farmer(), "/api/tickets/{id}/rate", id, Map.of("satisfaction", "SATISFIED")), 404);
        t = ok(post(farmer, "/api/tickets/{id}/rate", id, Map.of("satisfaction", "SATISFIED")));
        assertEquals("CLOSED", t.getString("status"));
        assertEquals("SATISFIED", t.getString("satisfaction"));
        assertTrue(t.getString("closedAt") != null);
        assertProblem(post(farmer, "/api/tickets/{id}/rate", id, Map.of("satisfaction", "SATISFIED")), 409);
    }

    @Test
    void badFilingsAreRefusedAndNothingIsWritten() {
        Tokens.Principal farmer = farmer();
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + farmer.token()).contentType(ContentType.JSON)
                .body(complaint("SUBSIDY")).post("/api/tickets"), "Idempotency-Key");
        Map<String, Object> blank = complaint("SUBSIDY");
        blank.put("title", " ");
        assertInvalid(file(farmer, blank, UUID.randomUUID().toString()), "title");
        Map<String, Object> noCategory = complaint("SUBSIDY");
        noCategory.remove("category");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + farmer.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(noCategory).post("/api/tickets"), "category");
        // An unbound farmer must say where.
        long unbound = pool.preparedQuery("insert into account (name, role, wechat_openid) values ('游客', 'FARMER', $1) returning id")
                .execute(Tuple.of("o-ticket-" + UUID.randomUUID())).await().indefinitely().iterator().next().getLong(0);
        Tokens.Principal stranger = Tokens.farmer(unbound, null, null);
        assertInvalid(file(stranger, complaint("OTHER"), UUID.randomUUID().toString()), "villageCode");
        Map<String, Object> where = complaint("OTHER");
        where.put("villageCode", "419999999999");
        assertInvalid(file(stranger, where, UUID.randomUUID().toString()), "villageCode");
        assertEquals(0L, count("select count(*) from ticket where complainant_id = $1", unbound));
        where.put("villageCode", CHENGNEI);
        Response r = file(stranger, where, UUID.randomUUID().toString());
        assertEquals(201, r.statusCode(), r::asString);
        assertEquals(CHENGNEI, r.jsonPath().getString("regionCode"));
    }

    @Test
    void theComplainantIsHiddenFromThoseTheTicketIsAbout() {
        // A complaint about the village cadres' conduct: the village neither sees it nor who filed it.
        Tokens.Principal farmer = farmer();
        JsonPath t = file(farmer, complaint("CADRE_CONDUCT"), UUID.randomUUID().toString()).jsonPath();
        long id = t.getLong("id");
        assertProblem(Api.as(village).get("/api/tickets/{id}", id), 404);
        t = ok(post(township, "/api/tickets/{id}/accept", id, Map.of("version", t.getInt("version"), "assignTo", DemoData.TOWNSHIP)));
        assertProblem(Api.as(village).get("/api/tickets/{id}", id), 404);
        assertFalse(Api.as(village).queryParam("view", "all").queryParam("limit", 100).get("/api/tickets").jsonPath()
                .getList("items.id", Long.class).contains(id));
        // The accepting (and here handling) township may reveal it, with a reason, and the reveal is recorded.
        Response who = post(township, "/api/tickets/{id}/complainant", id, Map.of("reason", "核实投诉内容需联系投诉人"));
        assertEquals(200, who.statusCode(), who::asString);
        assertEquals("王小二", who.jsonPath().getString("name"));
        assertEquals("13712345678", who.jsonPath().getString("phone"));
        assertEquals(1L, count("select count(*) from ticket_access where ticket_id = $1", id));
        // The county sees the ticket but not the person.
        assertEquals(200, Api.as(county).get("/api/tickets/{id}", id).statusCode());
        assertProblem(post(county, "/api/tickets/{id}/complainant", id, Map.of("reason", "想看看")), 403);
        assertFalse(Api.as(county).get("/api/tickets/{id}", id).asString().contains("13712345678"));

        // An anonymous ticket shows no complainant at all.
        Map<String, Object> anon = complaint("SUBSIDY");
        anon.put("anonymous", true);
        JsonPath a = file(farmer, anon, UUID.randomUUID().toString()).jsonPath();
        assertTrue(a.getBoolean("anonymous"));
        assertNull(a.get("complainantName"));
        assertNull(a.get("complainantPhone"));
        assertProblem(post(township, "/api/tickets/{id}/complainant", a.getLong("id"), Map.of("reason", "核实")), 409);
    }

    @Test
    void aCadreRegistersAPhoneCallAndTheTownshipFollowsUp() {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "HOTLINE_12317");
        body.put("category", "HEALTH");
        body.put("title", "大病报销比例");
        body.put("description", "来电人反映住院费用报销比例偏低");
        body.put("regionCode", DemoData.VILLAGE);
        body.put("complainantName", "赵六");
        body.put("complainantPhone", "13600001111");
        Map<String, Object> fromApp = new HashMap<>(body);
        fromApp.put("channel", "MINIPROGRAM");
        assertInvalid(Api.as(township).contentType(ContentType.JSON).body(fromApp).post("/api/tickets/register"), "channel");
        Map<String, Object> elsewhere = new HashMap<>(body);
        elsewhere.put("regionCode", "410102001001");
        assertProblem(Api.as(township).contentType(ContentType.JSON).body(elsewhere).post("/api/tickets/register"), 404);
        Response r = Api.as(township).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/tickets/register");
        assertEquals(201, r.statusCode(), r::asString);
        JsonPath t = r.jsonPath();
        long id = t.getLong("id");
        assertEquals("赵*", t.getString("complainantName"));
        // Refused with a reason the caller hears on the follow-up... or accepted and handled by the township itself.
        t = ok(post(township, "/api/tickets/{id}/accept", id, Map.of("version", t.getInt("version"), "assignTo", DemoData.TOWNSHIP)));
        t = ok(post(township, "/api/tickets/{id}/reply", id, Map.of("version", t.getInt("version"), "content", "已向来电人解释报销政策")));
        rateFromToday(id);
        assertProblem(post(village, "/api/tickets/{id}/follow-up", id, Map.of("satisfaction", "SATISFIED", "note", "电话回访")), 403);
        t = ok(post(township, "/api/tickets/{id}/follow-up", id, Map.of("satisfaction", "BASICALLY_SATISFIED", "note", "电话回访，来电人基本满意")));
        assertEquals("CLOSED", t.getString("status"));
        assertEquals("FOLLOWED_UP", t.getString("events[-2].type"));
    }

    @Test
    void refusingAndReassigningKeepTheHistory() {
        Tokens.Principal farmer = farmer();
        JsonPath t = file(farmer, complaint("OTHER"), UUID.randomUUID().toString()).jsonPath();
        assertInvalid(post(township, "/api/tickets/{id}/refuse", t.getLong("id"), Map.of("version", t.getInt("version"), "reason", " ")), "reason");
        JsonPath refused = ok(post(township, "/api/tickets/{id}/refuse", t.getLong("id"),
                Map.of("version", t.getInt("version"), "reason", "不属于防返贫监测帮扶事项，已告知向相关部门反映")));
        assertEquals("REFUSED", refused.getString("status"));
        assertEquals("REFUSED", Api.as(farmer).get("/api/tickets/{id}", t.getLong("id")).jsonPath().getString("status"));

        JsonPath h = handling(farmer, "HOUSING");
        long id = h.getLong("id");
        assertInvalid(post(township, "/api/tickets/{id}/assign", id, Map.of("version", h.getInt("version"), "assignTo", DemoData.VILLAGE, "reason", "重复")), "assignTo");
        JsonPath moved = ok(post(township, "/api/tickets/{id}/assign", id,
                Map.of("version", h.getInt("version"), "assignTo", CHENGNEI, "reason", "该户实际居住在城内村")));
        assertEquals(CHENGNEI, moved.getString("handlerRegion"));
        assertEquals(h.getString("handleDue"), moved.getString("handleDue"));
        assertEquals(List.of("REGISTERED", "ACCEPTED", "ASSIGNED", "REASSIGNED"), moved.getList("events.type"));
        // The first village no longer handles it.
        assertProblem(post(village, "/api/tickets/{id}/actions", id, Map.of("content", "还在办")), 403);
    }

    static Map<String, Object> split(int version) {
        return Map.of("version", version, "reason", "来电反映两件事项，分别交办", "parts", List.of(
                Map.of("category", "HOUSING", "title", "危房改造", "description", "老屋漏雨需要维修", "assignTo", DemoData.VILLAGE),
                Map.of("category", "HEALTH", "title", "慢病卡办理", "description", "高血压慢病卡未办下来", "assignTo", CHENGNEI)));
    }

    @Test
    void aTicketRaisingTwoMattersIsSplitAndBothNumbersStay() {
        Tokens.Principal farmer = farmer();
        JsonPath h = handling(farmer, "OTHER");
        long id = h.getLong("id");
        assertProblem(post(village, "/api/tickets/{id}/split", id, split(h.getInt("version"))), 403);
        assertProblem(post(township, "/api/tickets/{id}/split", id, split(99)), 409);
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + township.token()).contentType(ContentType.JSON)
                .body(Map.of("version", h.getInt("version"), "reason", "拆", "parts", List.of())).post("/api/tickets/{id}/split", id), "parts");
        JsonPath t = ok(post(township, "/api/tickets/{id}/split", id, split(h.getInt("version"))));
        List<Long> parts = t.getList("splitInto", Long.class);
        assertEquals(2, parts.size());
        assertEquals("SPLIT", t.getString("events[-1].type"));
        JsonPath first = Api.as(township).get("/api/tickets/{id}", parts.get(0)).jsonPath();
        assertEquals(id, first.getLong("splitFrom"));
        assertEquals("HANDLING", first.getString("status"));
        assertEquals(DemoData.VILLAGE, first.getString("handlerRegion"));
        assertEquals("HOUSING", first.getString("category"));
        assertEquals("王**", first.getString("complainantName"));
        assertEquals(CHENGNEI, Api.as(township).get("/api/tickets/{id}", parts.get(1)).jsonPath().getString("handlerRegion"));
        // The complainant follows all three.
        assertTrue(Api.as(farmer).get("/api/me/tickets").jsonPath().getList("id", Long.class).containsAll(parts));
        assertTrue(told(farmer, id).contains("工单已拆分办理"));
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal farmer = farmer();
        Tokens.Principal otherFarmer = farmer();
        JsonPath h = handling(farmer, "SUBSIDY");
        long id = h.getLong("id");
        Tokens.Principal otherCounty = Tokens.cadre(Role.COUNTY_CADRE, "410102000000");
        Tokens.Principal sibling = Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI);
        Tokens.Principal manager = Tokens.countyManager();
        Tokens.Principal client = Tokens.demoClient("households:read");
        String base = "/api/tickets/" + id;
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/tickets")
                        .accepts(village, 200)
                        .wrongRole(farmer, 403)
                        .wrongRole(manager, 403)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/tickets", complaint("OTHER"))
                        .accepts(farmer, 400) // no Idempotency-Key: refused before anything is written
                        .wrongRole(village, 403)
                        .wrongRole(manager, 403)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/tickets/register", Map.of("channel", "LETTER", "category", "OTHER", "title", "矩阵",
                                "description", "安全矩阵", "regionCode", DemoData.VILLAGE))
                        .accepts(township, 201)
                        .wrongRole(farmer, 403)
                        .wrongRole(manager, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(sibling, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.get(base)
                        .accepts(farmer, 200)
                        .otherHousehold(otherFarmer, 404)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(sibling, 404)
                        .wrongRole(manager, 403)
                        .refuses("client", client, 403),
                SecurityMatrix.post(base + "/accept", Map.of("version", 9_999, "assignTo", DemoData.VILLAGE))
                        .accepts(township, 409)
                        .wrongRole(village, 403)
                        .wrongRole(farmer, 403)
                        .otherRegion(otherCounty, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post(base + "/refuse", Map.of("version", 9_999, "reason", "矩阵"))
                        .accepts(township, 409)
                        .wrongRole(village, 403)
                        .wrongRole(farmer, 403)
                        .otherRegion(otherCounty, 404),
                SecurityMatrix.post(base + "/assign", Map.of("version", 9_999, "assignTo", DemoData.VILLAGE, "reason", "矩阵"))
                        .accepts(township, 409)
                        .wrongRole(village, 403)
                        .wrongRole(farmer, 403)
                        .otherRegion(otherCounty, 404),
                SecurityMatrix.post(base + "/actions", Map.of("content", "安全矩阵"))
                        .accepts(village, 200)
                        .wrongRole(farmer, 403)
                        .wrongRole(manager, 403)
                        .parentRegion(sibling, 404)
                        .otherRegion(otherCounty, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post(base + "/reply", Map.of("version", 9_999, "content", "矩阵"))
                        .accepts(village, 409)
                        .wrongRole(farmer, 403)
                        .parentRegion(sibling, 404)
                        .otherRegion(otherCounty, 404),
                SecurityMatrix.post(base + "/rate", Map.of("satisfaction", "SATISFIED"))
                        .accepts(farmer, 409) // not replied yet
                        .otherHousehold(otherFarmer, 404)
                        .wrongRole(village, 403)
                        .refuses("client", client, 403),
                SecurityMatrix.post(base + "/follow-up", Map.of("satisfaction", "SATISFIED", "note", "矩阵"))
                        .accepts(township, 409)
                        .wrongRole(village, 403)
                        .wrongRole(farmer, 403)
                        .otherRegion(otherCounty, 404),
                SecurityMatrix.post(base + "/split", split(9_999))
                        .accepts(township, 409)
                        .wrongRole(village, 403)
                        .wrongRole(farmer, 403)
                        .otherRegion(otherCounty, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post(base + "/complainant", Map.of("reason", "矩阵"))
                        .accepts(township, 200)
                        .wrongRole(farmer, 403)
                        .wrongRole(county, 403)
                        .parentRegion(sibling, 404)
                        .otherRegion(otherCounty, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.get("/api/me/tickets")
                        .accepts(farmer, 200)
                        .wrongRole(village, 403)
                        .wrongRole(manager, 403));
    }

    /** The titles of the caller's messages about the ticket. */
    private static List<String> told(Tokens.Principal p, long id) {
        return Api.as(p).queryParam("limit", 100).get("/api/me/notifications").jsonPath().<Map<String, Object>>getList("items")
                .stream().filter(n -> ("/pages/tickets/detail?id=" + id).equals(n.get("link"))).map(n -> (String) n.get("title")).toList();
    }

    private long count(String sql, Object arg) {
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().indefinitely().iterator().next().getLong(0);
    }
}
