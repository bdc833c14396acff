package org.dixian.ticket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Fixtures.CreatedClient;
import org.dixian.testing.Logins;
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
import java.util.stream.Stream;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tickets given to departments (转办/分派 to a department) and handled by the department's own system through
 * client credentials with tickets:handle.
 */
@QuarkusTest
class DepartmentTicketApiTest {
    private static final String ASSIGNED = "/api/external/assigned-tickets";

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    private final Tokens.Principal township = Tokens.townshipCadre();
    private final Tokens.Principal county = Tokens.countyCadre();

    /** A department of 兰考县 with its own system (a real client with tickets:handle) and that system's token. */
    record Dept(long id, String name, String clientId, String token) {
        Tokens.Principal principal() {
            return Tokens.client(clientId, DemoData.COUNTY, "tickets:handle");
        }
    }

    Dept department(String name) {
        CreatedClient c = Fixtures.aClient().named(name + "系统").scopes("tickets:handle").create();
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "CIVIL_AFFAIRS");
        body.put("regionCode", DemoData.COUNTY);
        body.put("clientId", c.clientId());
        Response r = Api.as(county).contentType(ContentType.JSON).body(body).post("/api/departments");
        assertEquals(201, r.statusCode(), r::asString);
        return new Dept(r.jsonPath().getLong("id"), name, c.clientId(), Logins.clientAccessToken(c.clientId(), c.secret(), null));
    }

    /** A ticket registered by the township (a phone call about 任庄村), waiting for acceptance. */
    JsonPath registered(boolean anonymous, String category) {
        Map<String, Object> m = new HashMap<>();
        m.put("channel", "HOTLINE_12345");
        m.put("category", category);
        m.put("title", "低保申请无人受理");
        m.put("description", "来电反映：家中老人重病，申请低保一个多月没有答复。");
        m.put("regionCode", DemoData.VILLAGE);
        m.put("anonymous", anonymous);
        if (!anonymous) {
            m.put("complainantName", "刘长河");
            m.put("complainantPhone", "13612345678");
        }
        Response r = Api.as(township).contentType(ContentType.JSON).body(m).post("/api/tickets/register");
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    /** Registered and accepted by the township straight to the department. */
    JsonPath heldBy(Dept d, boolean anonymous, String category) {
        JsonPath t = registered(anonymous, category);
        return ok(post(township, "/api/tickets/{id}/accept", t.getLong("id"),
                Map.of("version", t.getInt("version"), "departmentId", d.id(), "note", "请县民政局核实低保申请")));
    }

    private static Response post(Tokens.Principal p, String path, long id, Object body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post(path, id);
    }

    private static Response post(Dept d, String path, long id, Object body) {
        return Api.bearer(d.token()).contentType(ContentType.JSON).body(body).post(path, id);
    }

    private static JsonPath ok(Response r) {
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    private static List<Long> pulled(Dept d) {
        return ok(Api.bearer(d.token()).queryParam("limit", 500).get(ASSIGNED)).getList("items.id", Long.class);
    }

    @Test
    void theTownshipGivesATicketToTheCountyDepartmentAndItsSystemHandlesIt() {
        Dept d = department("兰考县民政局办理" + Fixtures.marker());
        JsonPath t = registered(false, "ASSISTANCE");
        long id = t.getLong("id");
        // Exactly one of a region and a department.
        assertEquals("请选择承办单位", assertInvalid(post(township, "/api/tickets/{id}/accept", id,
                Map.of("version", t.getInt("version"))), "assignTo").getString("detail"));
        assertInvalid(post(township, "/api/tickets/{id}/accept", id,
                Map.of("version", t.getInt("version"), "assignTo", DemoData.VILLAGE, "departmentId", d.id())), "departmentId");
        assertInvalid(post(township, "/api/tickets/{id}/accept", id,
                Map.of("version", t.getInt("version"), "departmentId", Long.MAX_VALUE)), "departmentId");

        t = ok(post(township, "/api/tickets/{id}/accept", id, Map.of("version", t.getInt("version"), "departmentId", d.id())));
        LocalDate due = LocalDate.parse(t.getString("handleDue"));
        assertEquals("HANDLING", t.getString("status"));
        assertEquals(DemoData.COUNTY, t.getString("handlerRegion"));
        assertEquals(d.id(), t.getLong("handlerDepartmentId"));
        assertEquals(d.name(), t.getString("handlerDepartmentName"));
        assertEquals(List.of("REGISTERED", "ACCEPTED", "ASSIGNED"), t.getList("events.type"));
        assertEquals(d.name(), t.getString("events[2].targetDepartment"));
        assertEquals(DemoData.COUNTY, t.getString("events[2].targetRegion"));

        // The system pulls it; the county's cadres see it but it is not in their todo, and they may not handle it.
        JsonPath page = ok(Api.bearer(d.token()).get(ASSIGNED));
        assertEquals(List.of(id), page.getList("items.id", Long.class));
        assertNull(page.get("nextUpdatedAfter"));
        assertEquals("刘**", ok(Api.bearer(d.token()).get(ASSIGNED + "/{id}", id)).getString("complainantName"));
        assertEquals(200, Api.as(county).get("/api/tickets/{id}", id).statusCode());
        assertFalse(Api.as(county).queryParam("limit", 100).get("/api/tickets").jsonPath().getList("items.id", Long.class).contains(id));
        assertEquals("该工单已交部门办理",
                assertProblem(post(county, "/api/tickets/{id}/actions", id, Map.of("content", "代为办理")), 409).getString("detail"));
        assertProblem(post(county, "/api/tickets/{id}/reply", id, Map.of("version", t.getInt("version"), "content", "代答")), 409);
        // …but they supervise it, as does the city; the township above nobody here cannot.
        t = ok(post(county, "/api/tickets/{id}/supervise", id, Map.of("dueDate", due.toString(), "reason", "请民政局加快办理")));
        assertTrue(t.getBoolean("supervised"));
        assertProblem(post(township, "/api/tickets/{id}/urge", id, Map.of("reason", "催")), 403);
        ok(post(Tokens.cadre(Role.CITY_CADRE, DemoData.CITY), "/api/tickets/{id}/urge", id, Map.of("reason", "请尽快答复")));

        // The system reveals the complainant: logged with the client as the actor.
        JsonPath who = ok(post(d, ASSIGNED + "/{id}/complainant", id, Map.of("reason", "电话联系核实家庭情况")));
        assertEquals("刘长河", who.getString("name"));
        assertEquals("13612345678", who.getString("phone"));
        Row access = pool.preparedQuery("select actor_id, actor_role, actor_region, actor_client, reason from ticket_access where ticket_id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next();
        assertNull(access.getLong("actor_id"));
        assertEquals("API_CLIENT", access.getString("actor_role"));
        assertEquals(DemoData.COUNTY, access.getString("actor_region"));
        assertEquals(d.clientId(), access.getString("actor_client"));
        assertEquals("电话联系核实家庭情况", access.getString("reason"));

        // It records what it did and replies: the same steps as a handling unit's, with the client as the actor.
        t = ok(post(d, ASSIGNED + "/{id}/actions", id, Map.of("content", "已入户核实，符合低保条件，正在审批")));
        Map<String, Object> action = t.<Map<String, Object>>getList("events").get(t.getList("events").size() - 1);
        assertEquals("ACTION", action.get("type"));
        assertEquals("API_CLIENT", action.get("actorRole"));
        assertEquals(DemoData.COUNTY, action.get("actorRegion"));
        assertEquals(d.clientId(), client(id, "ACTION"));
        assertProblem(post(d, ASSIGNED + "/{id}/reply", id, Map.of("version", 999, "content", "答复")), 409);
        t = ok(post(d, ASSIGNED + "/{id}/reply", id, Map.of("version", t.getInt("version"), "content", "已纳入低保，自下月起发放")));
        assertEquals("REPLIED", t.getString("status"));
        assertEquals(due.toString(), t.getString("handleDue"));
        assertTrue(t.getString("rateFrom") != null);
        assertEquals("已纳入低保，自下月起发放", t.getString("events[-1].content"));
        // Still in its list (it follows the rating), and no longer anything to give back.
        assertTrue(pulled(d).contains(id));
        assertProblem(post(d, ASSIGNED + "/{id}/return", id, Map.of("version", t.getInt("version"), "reason", "不属本部门")), 409);
        // The accepting township follows it up as for any ticket; the follow-up is the township's.
        assertEquals("REPLIED", ok(Api.as(township).get("/api/tickets/{id}", id)).getString("status"));
    }

    @Test
    void aDepartmentGivesATicketBackAndTheHistoryOfEveryHandOverStays() {
        Dept d = department("兰考县住建局退回" + Fixtures.marker());
        Dept other = department("兰考县教育局转办" + Fixtures.marker());
        JsonPath t = heldBy(d, false, "HOUSING");
        long id = t.getLong("id");
        String due = t.getString("handleDue");

        assertInvalid(post(d, ASSIGNED + "/{id}/return", id, Map.of("version", t.getInt("version"), "reason", " ")), "reason");
        t = ok(post(d, ASSIGNED + "/{id}/return", id, Map.of("version", t.getInt("version"), "reason", "危房改造属住建部门，但该户不在本县改造名单，请核实所属")));
        assertEquals("HANDLING", t.getString("status"));
        assertEquals(DemoData.TOWNSHIP, t.getString("handlerRegion"));
        assertNull(t.get("handlerDepartmentId"));
        assertEquals(due, t.getString("handleDue"));
        assertEquals("RETURNED", t.getString("events[-1].type"));
        assertEquals(DemoData.TOWNSHIP, t.getString("events[-1].targetRegion"));
        assertEquals("API_CLIENT", t.getString("events[-1].actorRole"));
        assertTrue(t.getString("events[-1].content").startsWith("危房改造"));
        // Gone from the department's sight; the township is told and has it in its todo to give on.
        assertProblem(Api.bearer(d.token()).get(ASSIGNED + "/{id}", id), 404);
        assertFalse(pulled(d).contains(id));
        assertTrue(told(4, id).contains("部门退回工单"));
        assertTrue(Api.as(township).queryParam("status", "HANDLING").queryParam("limit", 100).get("/api/tickets").jsonPath()
                .getList("items.id", Long.class).contains(id));

        // 转办 region → department → region → department: every step names where it went.
        t = ok(post(township, "/api/tickets/{id}/assign", id, Map.of("version", t.getInt("version"), "assignTo", DemoData.VILLAGE, "reason", "先由村里核实")));
        assertNull(t.get("handlerDepartmentId"));
        t = ok(post(township, "/api/tickets/{id}/assign", id, Map.of("version", t.getInt("version"), "departmentId", other.id(), "reason", "涉及学生资助")));
        assertEquals(other.id(), t.getLong("handlerDepartmentId"));
        assertEquals(DemoData.COUNTY, t.getString("handlerRegion"));
        assertInvalid(post(township, "/api/tickets/{id}/assign", id, Map.of("version", t.getInt("version"), "departmentId", other.id(), "reason", "再转")), "departmentId");
        assertInvalid(post(township, "/api/tickets/{id}/assign", id, Map.of("version", t.getInt("version"), "reason", "再转")), "assignTo");
        assertTrue(pulled(other).contains(id));
        t = ok(post(township, "/api/tickets/{id}/assign", id, Map.of("version", t.getInt("version"), "assignTo", DemoData.TOWNSHIP, "reason", "收回本镇办理")));
        assertNull(t.get("handlerDepartmentId"));
        assertEquals(DemoData.TOWNSHIP, t.getString("handlerRegion"));
        assertEquals(due, t.getString("handleDue"));
        assertFalse(pulled(other).contains(id));

        List<Map<String, Object>> steps = t.getList("events");
        List<String> handOvers = steps.stream().filter(e -> List.of("ASSIGNED", "REASSIGNED", "RETURNED").contains(e.get("type")))
                .map(e -> e.get("type") + ":" + e.get("targetRegion") + ":" + e.getOrDefault("targetDepartment", "-")).toList();
        assertEquals(List.of(
                "ASSIGNED:" + DemoData.COUNTY + ":" + d.name(),
                "RETURNED:" + DemoData.TOWNSHIP + ":-",
                "REASSIGNED:" + DemoData.VILLAGE + ":-",
                "REASSIGNED:" + DemoData.COUNTY + ":" + other.name(),
                "REASSIGNED:" + DemoData.TOWNSHIP + ":-"), handOvers);
        // The township handles it now as any handling unit.
        ok(post(township, "/api/tickets/{id}/actions", id, Map.of("content", "镇里直接办理")));
    }

    @Test
    void onlyTheHoldingDepartmentsSystemReachesATicket() {
        Dept d = department("兰考县人社局" + Fixtures.marker());
        Dept other = department("兰考县水利局" + Fixtures.marker());
        JsonPath t = heldBy(d, false, "EMPLOYMENT");
        long id = t.getLong("id");
        int version = t.getInt("version");

        assertFalse(pulled(other).contains(id));
        assertProblem(Api.bearer(other.token()).get(ASSIGNED + "/{id}", id), 404);
        assertProblem(post(other, ASSIGNED + "/{id}/complainant", id, Map.of("reason", "看看")), 404);
        assertProblem(post(other, ASSIGNED + "/{id}/actions", id, Map.of("content", "越权办理")), 404);
        assertProblem(post(other, ASSIGNED + "/{id}/reply", id, Map.of("version", version, "content", "越权答复")), 404);
        assertProblem(post(other, ASSIGNED + "/{id}/return", id, Map.of("version", version, "reason", "越权退回")), 404);
        // A system no department names has nothing; one without tickets:handle is refused.
        CreatedClient lonely = Fixtures.aClient().scopes("tickets:handle").create();
        assertEquals(List.of(), ok(Api.bearer(Logins.clientAccessToken(lonely.clientId(), lonely.secret(), null)).get(ASSIGNED)).getList("items"));
        CreatedClient push = Fixtures.aClient().scopes("tickets:push").create();
        String pushToken = Logins.clientAccessToken(push.clientId(), push.secret(), null);
        assertProblem(Api.bearer(pushToken).get(ASSIGNED), 403);
        assertProblem(Api.bearer(pushToken).get(ASSIGNED + "/{id}", id), 403);
        assertEquals(0L, pool.preparedQuery("select count(*) from ticket_event where ticket_id = $1 and actor_role = 'API_CLIENT'")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0));
    }

    @Test
    void theDepartmentSeesNoComplainantOfAnAnonymousTicketOrOfAComplaintAboutCadres() {
        Dept d = department("兰考县卫健委" + Fixtures.marker());
        long anonymous = heldBy(d, true, "HEALTH").getLong("id");
        assertProblem(post(d, ASSIGNED + "/{id}/complainant", anonymous, Map.of("reason", "联系")), 409);
        long conduct = heldBy(d, false, "CADRE_CONDUCT").getLong("id");
        assertProblem(post(d, ASSIGNED + "/{id}/complainant", conduct, Map.of("reason", "联系")), 403);
        assertEquals(0L, pool.preparedQuery("select count(*) from ticket_access where ticket_id = any($1)")
                .execute(Tuple.of(new Long[] {anonymous, conduct})).await().indefinitely().iterator().next().getLong(0));
    }

    @Test
    void aCadreGivesOnlyToDepartmentsItSees() {
        JsonPath elsewhere = Api.as(Tokens.provinceCadre()).contentType(ContentType.JSON)
                .body(Map.of("name", "中原区民政局" + Fixtures.marker(), "kind", "CIVIL_AFFAIRS", "regionCode", "410102000000"))
                .post("/api/departments").then().statusCode(201).extract().jsonPath();
        JsonPath t = registered(false, "ASSISTANCE");
        assertInvalid(post(township, "/api/tickets/{id}/accept", t.getLong("id"),
                Map.of("version", t.getInt("version"), "departmentId", elsewhere.getLong("id"))), "departmentId");
        // The city's department is above the township: it may be given one.
        JsonPath city = Api.as(Tokens.cadre(Role.CITY_CADRE, DemoData.CITY)).contentType(ContentType.JSON)
                .body(Map.of("name", "开封市民政局" + Fixtures.marker(), "kind", "CIVIL_AFFAIRS", "regionCode", DemoData.CITY))
                .post("/api/departments").then().statusCode(201).extract().jsonPath();
        t = ok(post(township, "/api/tickets/{id}/accept", t.getLong("id"),
                Map.of("version", t.getInt("version"), "departmentId", city.getLong("id"))));
        assertEquals(DemoData.CITY, t.getString("handlerRegion"));
        assertEquals(city.getString("name"), t.getString("handlerDepartmentName"));
    }

    @Test
    void theSystemPagesByUpdateTime() {
        Dept d = department("兰考县应急局" + Fixtures.marker());
        long first = heldBy(d, false, "OTHER").getLong("id");
        long second = heldBy(d, false, "OTHER").getLong("id");
        JsonPath page = ok(Api.bearer(d.token()).queryParam("limit", 1).get(ASSIGNED));
        assertEquals(List.of(first), page.getList("items.id", Long.class));
        String next = page.getString("nextUpdatedAfter");
        assertTrue(next != null);
        page = ok(Api.bearer(d.token()).queryParam("limit", 1).queryParam("updatedAfter", next).get(ASSIGNED));
        assertEquals(List.of(second), page.getList("items.id", Long.class));
        // A change moves the first behind the second.
        ok(post(d, ASSIGNED + "/{id}/actions", first, Map.of("content", "已受理")));
        assertEquals(List.of(second, first), pulled(d));
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + d.token()).queryParam("limit", 501).get(ASSIGNED), "limit");
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Dept d = department("兰考县农业农村局" + Fixtures.marker());
        Dept other = department("兰考县公安局" + Fixtures.marker());
        JsonPath t = heldBy(d, false, "OTHER");
        long id = t.getLong("id");
        Tokens.Principal system = d.principal();
        Tokens.Principal otherSystem = other.principal();
        Tokens.Principal noScope = Tokens.client(d.clientId(), DemoData.COUNTY, "tickets:push");
        String one = ASSIGNED + "/" + id;
        return SecurityMatrix.of(
                SecurityMatrix.get(ASSIGNED)
                        .accepts(system, 200)
                        .wrongRole(county, 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .clientWithoutScope(noScope, 403),
                SecurityMatrix.get(one)
                        .accepts(system, 200)
                        .wrongRole(county, 403)
                        .clientWithoutScope(noScope, 403)
                        .refuses("other department's system", otherSystem, 404),
                SecurityMatrix.post(one + "/complainant", Map.of("reason", "核实情况"))
                        .accepts(system, 200)
                        .wrongRole(township, 403)
                        .clientWithoutScope(noScope, 403)
                        .refuses("other department's system", otherSystem, 404),
                SecurityMatrix.post(one + "/actions", Map.of("content", "安全矩阵：已联系"))
                        .accepts(system, 200)
                        .wrongRole(county, 403)
                        .clientWithoutScope(noScope, 403)
                        .refuses("other department's system", otherSystem, 404),
                // A stale version answers 409 once the caller got through, without a change.
                SecurityMatrix.post(one + "/reply", Map.of("version", 9999, "content", "答复"))
                        .accepts(system, 409)
                        .wrongRole(county, 403)
                        .clientWithoutScope(noScope, 403)
                        .refuses("other department's system", otherSystem, 404),
                SecurityMatrix.post(one + "/return", Map.of("version", 9999, "reason", "不属本部门职责"))
                        .accepts(system, 409)
                        .wrongRole(township, 403)
                        .clientWithoutScope(noScope, 403)
                        .refuses("other department's system", otherSystem, 404));
    }

    /** The client recorded on the ticket's latest step of a type. */
    private String client(long id, String type) {
        return pool.preparedQuery("select actor_client from ticket_event where ticket_id = $1 and type = $2 order by id desc limit 1")
                .execute(Tuple.of(id, type)).await().indefinitely().iterator().next().getString(0);
    }

    /** The titles of an account's messages about the ticket. */
    private List<String> told(long account, long id) {
        List<String> out = new java.util.ArrayList<>();
        pool.preparedQuery("select title from notification where account_id = $1 and link = $2 order by id")
                .execute(Tuple.of(account, "/pages/tickets/detail?id=" + id)).await().indefinitely().forEach(r -> out.add(r.getString(0)));
        return out;
    }
}
