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
import org.dixian.platform.crypto.BlindIndex;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.dixian.testing.Fixtures.aHousehold;
import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chain after the home visit: village review, public notice and objections, township review, county approval. */
@QuarkusTest
class ChainApiTest {
    private static final String CHENGNEI = "410225101200";
    private static final String OTHER_TOWNSHIP = "410225102000";

    @Inject
    Pool pool;
    @Inject
    Clock clock;
    @Inject
    WorkingCalendar calendar;
    @Inject
    BlindIndex index;
    @Inject
    OverdueJob overdue;
    @Inject
    org.dixian.platform.outbox.OutboxRelay relay;

    private final Tokens.Principal village = Tokens.villageCadre();
    private final Tokens.Principal township = Tokens.townshipCadre();
    private final Tokens.Principal county = Tokens.countyCadre();

    private Tokens.Principal farmerOf(CreatedHousehold h) {
        long id = pool.preparedQuery("insert into account (name, role, region_code, household_id, wechat_openid) "
                        + "values ($1, 'FARMER', $2, $3, $4) returning id")
                .execute(Tuple.of("农户" + Fixtures.marker(), DemoData.VILLAGE, h.id(), "o-chain-" + UUID.randomUUID()))
                .await().indefinitely().iterator().next().getLong(0);
        return Tokens.farmer(id, DemoData.VILLAGE, h.id());
    }

    /** A declared and visited case of a fresh household, waiting for the village review. */
    private record Visited(CreatedHousehold household, Tokens.Principal farmer, long id, int version) {
    }

    private Visited visited() {
        CreatedHousehold h = aHousehold().create();
        Tokens.Principal farmer = farmerOf(h);
        JsonPath d = DeclarationApiTest.declare(farmer, DeclarationApiTest.declaration(), UUID.randomUUID().toString()).jsonPath();
        Response v = post(village, "/api/cases/{id}/visit", d.getLong("id"), DeclarationApiTest.visit(d.getInt("version")));
        assertEquals(200, v.statusCode(), v::asString);
        return new Visited(h, farmer, d.getLong("id"), v.jsonPath().getInt("version"));
    }

    static Map<String, Object> review(int version, String decision) {
        Map<String, Object> m = new HashMap<>();
        m.put("version", version);
        m.put("meetingDate", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        m.put("participants", 23);
        m.put("decision", decision);
        m.put("opinion", "经村民代表会议评议，该户因病支出大，符合监测条件");
        m.put("latitude", 34.8);
        m.put("longitude", 114.8);
        return m;
    }

    static Map<String, Object> decision(int version, String decision, String reason) {
        Map<String, Object> m = new HashMap<>();
        m.put("version", version);
        m.put("decision", decision);
        if (reason != null) {
            m.put("reason", reason);
        }
        return m;
    }

    private static Response post(Tokens.Principal p, String path, long id, Object body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post(path, id);
    }

    private static Response ok(Response r) {
        assertEquals(200, r.statusCode(), r::asString);
        return r;
    }

    /** The notice period has run out (as if the working days had passed). */
    private void noticeEnded(long id) {
        pool.preparedQuery("update identification_case set notice_ends = $2 where id = $1")
                .execute(Tuple.of(id, LocalDate.now(clock))).await().indefinitely();
    }

    private Response inNotice(Visited v) {
        return ok(post(village, "/api/cases/{id}/village-review", v.id(), review(v.version(), "PASS")));
    }

    @Test
    void theWholeChainMakesTheHouseholdAMonitoringObject() {
        Visited v = visited();
        Response r = inNotice(v);
        JsonPath j = r.jsonPath();
        assertEquals("PUBLIC_NOTICE", j.getString("stage"));
        LocalDate today = LocalDate.now(clock);
        LocalDate ends = calendar.days().addWorkingDays(today, 5);
        assertEquals(ends.toString(), j.getString("noticeEnds"));
        assertEquals(ends.toString(), j.getString("stageDue"));
        assertEquals(List.of("DECLARED", "VISIT_ASSIGNED", "VISITED", "VILLAGE_REVIEWED", "NOTICE_PUBLISHED"), j.getList("events.type"));
        assertEquals("PASS", j.getString("events[3].decision"));
        assertEquals(1L, count("select count(*) from case_village_review where case_id = $1 and participants = 23", v.id()));

        // The public board lists the household with its name masked and nothing sensitive.
        Response board = Api.bare().get("/api/public/villages/{code}/notices", DemoData.VILLAGE);
        assertEquals(200, board.statusCode(), board::asString);
        Map<String, Object> item = board.jsonPath().<Map<String, Object>>getList("notices").stream()
                .filter(n -> ((Number) n.get("caseId")).longValue() == v.id()).findFirst().orElseThrow();
        String head = v.household().headName();
        assertEquals(head.substring(0, 1) + "*".repeat(head.length() - 1), item.get("headName"));
        assertFalse(board.asString().contains(head));
        assertFalse(board.asString().contains(v.household().headIdNumber()));
        assertEquals(ends.toString(), item.get("endsOn"));

        // Before the notice ends the village cannot pass it on.
        int version = j.getInt("version");
        assertProblem(post(village, "/api/cases/{id}/notice/close", v.id(), Map.of("version", version)), 409);
        noticeEnded(v.id());

        // An objection blocks the case until it is answered.
        Response filed = Api.bare().contentType(ContentType.JSON)
                .body(Map.of("content", "该户儿子在县城有商品房", "contactName", "李四", "contactPhone", "13912345678"))
                .post("/api/public/notices/{id}/objections", v.id());
        assertEquals(201, filed.statusCode(), filed::asString);
        assertFalse(filed.asString().contains("13912345678"));
        long objection = filed.jsonPath().getLong("id");
        assertProblem(post(village, "/api/cases/{id}/notice/close", v.id(), Map.of("version", version)), 409); // stale now
        JsonPath now = Api.as(village).get("/api/cases/{id}", v.id()).jsonPath();
        assertEquals(1, now.getInt("openObjections"));
        version = now.getInt("version");
        Response blocked = post(village, "/api/cases/{id}/notice/close", v.id(), Map.of("version", version));
        assertProblem(blocked, 409);
        assertTrue(blocked.jsonPath().getString("detail").contains("异议"));
        Response listed = Api.as(village).get("/api/cases/{id}/objections", v.id());
        assertEquals(200, listed.statusCode(), listed::asString);
        assertEquals("139****5678", listed.jsonPath().getString("[0].contactPhone"));
        assertTrue(listed.jsonPath().getBoolean("[0].open"));
        assertInvalid(Api.as(village).contentType(ContentType.JSON).body(Map.of("answer", " "))
                .post("/api/cases/{id}/objections/{o}/answer", v.id(), objection), "answer");
        Response answered = Api.as(village).contentType(ContentType.JSON).body(Map.of("answer", "经核实，商品房为其儿子单独立户所有，不影响认定"))
                .post("/api/cases/{id}/objections/{o}/answer", v.id(), objection);
        assertEquals(200, answered.statusCode(), answered::asString);
        assertFalse(answered.jsonPath().getBoolean("open"));
        assertProblem(Api.as(village).contentType(ContentType.JSON).body(Map.of("answer", "再答一次"))
                .post("/api/cases/{id}/objections/{o}/answer", v.id(), objection), 409);

        r = ok(post(village, "/api/cases/{id}/notice/close", v.id(), Map.of("version", version)));
        assertEquals("TOWNSHIP_REVIEW", r.jsonPath().getString("stage"));
        assertEquals(calendar.days().addWorkingDays(today, 1).toString(), r.jsonPath().getString("stageDue"));
        assertNull(r.jsonPath().get("noticeEnds"));
        // Off the board, and no more objections.
        assertFalse(Api.bare().get("/api/public/villages/{code}/notices", DemoData.VILLAGE).jsonPath()
                .getList("notices.caseId", Long.class).contains(v.id()));
        assertProblem(Api.bare().contentType(ContentType.JSON).body(Map.of("content", "晚了"))
                .post("/api/public/notices/{id}/objections", v.id()), 404);

        // The township passes; the county must choose the monitoring type.
        r = ok(post(township, "/api/cases/{id}/township-review", v.id(), decision(r.jsonPath().getInt("version"), "PASS", null)));
        assertEquals("COUNTY_APPROVAL", r.jsonPath().getString("stage"));
        int at = r.jsonPath().getInt("version");
        assertInvalid(post(county, "/api/cases/{id}/county-approval", v.id(), decision(at, "PASS", null)), "monitoringType");
        Map<String, Object> pass = decision(at, "PASS", "符合监测条件");
        pass.put("monitoringType", "SUDDEN_HARDSHIP");
        r = ok(post(county, "/api/cases/{id}/county-approval", v.id(), pass));
        assertEquals("APPROVED", r.jsonPath().getString("stage"));
        assertFalse(r.jsonPath().getBoolean("open"));
        assertTrue(r.jsonPath().getList("events.type").contains("MONITORING_STARTED"));

        // The household is now monitored, with the risks the visit confirmed, from today; and queued for the nation.
        JsonPath hh = Api.as(v.farmer()).get("/api/households/{id}", v.household().id()).jsonPath();
        assertEquals("MONITORED", hh.getString("category"));
        assertEquals("SUDDEN_HARDSHIP", hh.getString("monitoringType"));
        assertEquals(List.of("ILLNESS"), hh.getList("riskTypes"));
        assertEquals(today.toString(), hh.getString("monitoringStart"));
        assertEquals(1L, count("select count(*) from household_event where household_id = $1 and type = 'MONITORING_STARTED'",
                v.household().id()));
        assertEquals(1L, count("select count(*) from outbox where topic = 'national.sync' and (payload->>'caseId')::bigint = $1", v.id()));
        // The farmer sees the outcome, and is told.
        assertEquals("APPROVED", Api.as(v.farmer()).get("/api/cases/{id}", v.id()).jsonPath().getString("stage"));
        List<String> told = Api.as(v.farmer()).get("/api/me/notifications").jsonPath().getList("items.title");
        assertTrue(told.contains("申报已认定"), told::toString);
        assertTrue(told.contains("申报已通过村评议"), told::toString);
        // Nothing more can happen to a decided case.
        assertProblem(post(county, "/api/cases/{id}/county-approval", v.id(), pass), 409);
    }

    @Test
    void reviewsRejectOrReturnWithAReason() {
        // The village rejects: the case ends.
        Visited a = visited();
        Map<String, Object> future = review(a.version(), "PASS");
        future.put("meetingDate", LocalDate.now(clock).plusDays(3).toString());
        assertInvalid(post(village, "/api/cases/{id}/village-review", a.id(), future), "meetingDate");
        Response r = ok(post(village, "/api/cases/{id}/village-review", a.id(), review(a.version(), "REJECT")));
        assertEquals("REJECTED", r.jsonPath().getString("stage"));
        assertFalse(r.jsonPath().getBoolean("open"));

        // The village returns to the home visit; the second visit is a second record.
        Visited b = visited();
        r = ok(post(village, "/api/cases/{id}/village-review", b.id(), review(b.version(), "RETURN")));
        assertEquals("VISIT", r.jsonPath().getString("stage"));
        r = ok(post(village, "/api/cases/{id}/visit", b.id(), DeclarationApiTest.visit(r.jsonPath().getInt("version"))));
        assertEquals(2L, count("select count(*) from case_visit where case_id = $1", b.id()));

        // The township returns (reason required) to the village review, then rejects.
        r = ok(post(village, "/api/cases/{id}/village-review", b.id(), review(r.jsonPath().getInt("version"), "PASS")));
        noticeEnded(b.id());
        r = ok(post(village, "/api/cases/{id}/notice/close", b.id(), Map.of("version", r.jsonPath().getInt("version"))));
        int version = r.jsonPath().getInt("version");
        assertInvalid(post(township, "/api/cases/{id}/township-review", b.id(), decision(version, "RETURN", " ")), "reason");
        assertInvalid(post(township, "/api/cases/{id}/township-review", b.id(), decision(version, "REJECT", null)), "reason");
        r = ok(post(township, "/api/cases/{id}/township-review", b.id(), decision(version, "RETURN", "评议参会人数不足，请重新评议")));
        assertEquals("VILLAGE_REVIEW", r.jsonPath().getString("stage"));
        assertEquals("RETURN", r.jsonPath().getString("events.find { it.type == 'TOWNSHIP_REVIEWED' }.decision"));
        r = ok(post(village, "/api/cases/{id}/village-review", b.id(), review(r.jsonPath().getInt("version"), "PASS")));
        noticeEnded(b.id());
        r = ok(post(village, "/api/cases/{id}/notice/close", b.id(), Map.of("version", r.jsonPath().getInt("version"))));
        r = ok(post(township, "/api/cases/{id}/township-review", b.id(), decision(r.jsonPath().getInt("version"), "PASS", null)));
        // The county returns to the township, which rejects: the household stays as it was.
        r = ok(post(county, "/api/cases/{id}/county-approval", b.id(), decision(r.jsonPath().getInt("version"), "RETURN", "收入核算有误")));
        assertEquals("TOWNSHIP_REVIEW", r.jsonPath().getString("stage"));
        r = ok(post(township, "/api/cases/{id}/township-review", b.id(), decision(r.jsonPath().getInt("version"), "REJECT", "家庭人均收入高于监测范围")));
        assertEquals("REJECTED", r.jsonPath().getString("stage"));
        assertTrue(r.jsonPath().getString("events[-1].reason").contains("家庭人均收入高于监测范围"));
        assertEquals(0L, count("select count(*) from household_event where household_id = $1 and type = 'MONITORING_STARTED'",
                b.household().id()));
    }

    @Test
    void wrongStageWrongLevelAndStaleVersionsAreRefused() {
        Visited v = visited();
        // Not the stage: the township cannot review a case still at the village review.
        assertProblem(post(township, "/api/cases/{id}/township-review", v.id(), decision(v.version(), "PASS", null)), 409);
        assertProblem(post(village, "/api/cases/{id}/notice/close", v.id(), Map.of("version", v.version())), 409);
        // Not the level: a township cadre cannot record the village review, a village cadre cannot approve.
        assertProblem(post(township, "/api/cases/{id}/village-review", v.id(), review(v.version(), "PASS")), 403);
        assertProblem(post(village, "/api/cases/{id}/county-approval", v.id(), decision(v.version(), "PASS", null)), 403);
        // Not the region.
        assertProblem(post(Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI), "/api/cases/{id}/village-review", v.id(),
                review(v.version(), "PASS")), 404);
        // Stale version.
        assertProblem(post(village, "/api/cases/{id}/village-review", v.id(), review(v.version() - 1, "PASS")), 409);
        assertEquals(0L, count("select count(*) from case_village_review where case_id = $1", v.id()));
    }

    @Test
    void twoReviewersActingAtOnceCannotBothSucceed() {
        Visited v = visited();
        Response r = inNotice(v);
        noticeEnded(v.id());
        r = ok(post(village, "/api/cases/{id}/notice/close", v.id(), Map.of("version", r.jsonPath().getInt("version"))));
        int version = r.jsonPath().getInt("version");
        Tokens.Principal second = Tokens.cadre(Role.TOWNSHIP_CADRE, DemoData.TOWNSHIP);
        List<CompletableFuture<Response>> both = new ArrayList<>();
        both.add(CompletableFuture.supplyAsync(() -> post(township, "/api/cases/{id}/township-review", v.id(), decision(version, "PASS", null))));
        both.add(CompletableFuture.supplyAsync(() -> post(second, "/api/cases/{id}/township-review", v.id(),
                decision(version, "REJECT", "不符合条件"))));
        List<Integer> codes = both.stream().map(f -> f.join().statusCode()).sorted().toList();
        assertEquals(List.of(200, 409), codes);
        assertEquals(1L, count("select count(*) from case_event where case_id = $1 and type = 'TOWNSHIP_REVIEWED'", v.id()));
    }

    @Test
    void anUnregisteredDeclarationIsTiedToTheHouseholdAtTheVisit() {
        long account = pool.preparedQuery("insert into account (name, role, wechat_openid) values ($1, 'FARMER', $2) returning id")
                .execute(Tuple.of("农户" + Fixtures.marker(), "o-chain-" + UUID.randomUUID())).await().indefinitely()
                .iterator().next().getLong(0);
        Tokens.Principal farmer = Tokens.farmer(account, null, null);
        Map<String, Object> body = DeclarationApiTest.declaration();
        body.put("villageCode", DemoData.VILLAGE);
        body.put("applicantName", "钱多多");
        JsonPath d = DeclarationApiTest.declare(farmer, body, UUID.randomUUID().toString()).jsonPath();
        long id = d.getLong("id");
        Map<String, Object> visit = DeclarationApiTest.visit(d.getInt("version"));
        // A household of another village is out of the visiting cadre's reach.
        visit.put("householdId", aHousehold().inRegion(CHENGNEI).by(Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI)).create().id());
        assertProblem(post(village, "/api/cases/{id}/visit", id, visit), 404);
        // One with its own open case cannot take a second.
        Visited busy = visited();
        visit.put("householdId", busy.household().id());
        assertProblem(post(village, "/api/cases/{id}/visit", id, visit), 409);
        CreatedHousehold registered = aHousehold().create();
        visit.put("householdId", registered.id());
        Response r = ok(post(village, "/api/cases/{id}/visit", id, visit));
        assertEquals(registered.id(), r.jsonPath().getLong("householdId"));
    }

    @Test
    void theWorkbenchShowsEachLevelItsTodosLateOnesFirst() {
        Visited v = visited();
        Visited late = visited();
        pool.preparedQuery("update identification_case set stage_due = $2 where id = $1")
                .execute(Tuple.of(late.id(), LocalDate.now(clock).minusDays(3))).await().indefinitely();
        Response w = Api.as(village).get("/api/workbench");
        assertEquals(200, w.statusCode(), w::asString);
        List<Long> ids = w.jsonPath().getList("todos.caseId", Long.class);
        assertEquals(late.id(), ids.get(0));
        assertTrue(ids.contains(v.id()));
        assertTrue(w.jsonPath().getBoolean("todos[0].overdue"));
        assertEquals("VILLAGE_REVIEW", w.jsonPath().getString("todos[0].action"));
        assertEquals(v.household().headName(), w.jsonPath().getString("todos.find { it.caseId == " + v.id() + " }.name"));
        assertTrue(w.jsonPath().getLong("counts.find { it.stage == 'VILLAGE_REVIEW' }.overdue") >= 1);
        // The township has no village todos, but counts them; the province only counts.
        assertFalse(Api.as(township).get("/api/workbench").jsonPath().getList("todos.caseId", Long.class).contains(v.id()));
        JsonPath p = Api.as(Tokens.provinceCadre()).get("/api/workbench").jsonPath();
        assertTrue(p.getList("todos").isEmpty());
        assertTrue(p.getLong("counts.find { it.stage == 'VILLAGE_REVIEW' }.open") >= 2);
        // A notice still running is a todo not ready yet; once an objection arrives it is one to answer.
        Response r = inNotice(v);
        Map<String, Object> todo = todoOf(v.id());
        assertEquals("CLOSE_NOTICE", todo.get("action"));
        assertEquals(false, todo.get("ready"));
        Api.bare().contentType(ContentType.JSON).body(Map.of("content", "有异议")).post("/api/public/notices/{id}/objections", v.id());
        assertEquals("ANSWER_OBJECTION", todoOf(v.id()).get("action"));
        assertEquals("PUBLIC_NOTICE", r.jsonPath().getString("stage"));
    }

    private Map<String, Object> todoOf(long id) {
        return Api.as(village).get("/api/workbench").jsonPath().<Map<String, Object>>getList("todos").stream()
                .filter(t -> ((Number) t.get("caseId")).longValue() == id).findFirst().orElseThrow();
    }

    @Test
    void lateStagesAreFlaggedOnceAndTheLevelAboveIsTold() {
        Visited v = visited();
        // Entering the village review is a todo for the village's cadres.
        assertTrue(Api.as(village).queryParam("limit", 100).get("/api/me/notifications").jsonPath()
                .<Map<String, Object>>getList("items").stream().anyMatch(n -> "待办：村评议".equals(n.get("title"))
                        && ("/pages/cases/detail?id=" + v.id()).equals(n.get("link"))));
        LocalDate due = LocalDate.now(clock).minusDays(1);
        pool.preparedQuery("update identification_case set stage_due = $2 where id = $1")
                .execute(Tuple.of(v.id(), due)).await().indefinitely();
        assertTrue(flagLate() >= 1);
        flagLate();
        assertEquals(1L, count("select count(*) from case_event where case_id = $1 and type = 'OVERDUE'", v.id()));
        JsonPath c = Api.as(village).get("/api/cases/{id}", v.id()).jsonPath();
        assertTrue(c.getBoolean("overdue"));
        assertNull(c.get("events.find { it.type == 'OVERDUE' }.actorRole"));
        assertEquals(due.toString(), c.getString("events.find { it.type == 'OVERDUE' }.due"));
        // The village is reminded and the township above it is told.
        assertTrue(titles(village).contains("超时提醒：村评议"));
        assertTrue(titles(township).contains("下级超时：村评议"));
    }

    private List<String> titles(Tokens.Principal p) {
        return Api.as(p).queryParam("limit", 100).get("/api/me/notifications").jsonPath().getList("items.title");
    }

    @Test
    void aDeclarationTellsTheVillageThroughTheOutbox() throws Throwable {
        CreatedHousehold h = aHousehold().create();
        long id = DeclarationApiTest.declare(farmerOf(h), DeclarationApiTest.declaration(), UUID.randomUUID().toString())
                .jsonPath().getLong("id");
        assertEquals(1L, count("select count(*) from outbox where topic = 'case.declared' and dedup_key = 'case:' || $1::bigint || ':declared'", id));
        String delivered = "select count(*) from outbox where topic = 'case.declared' and delivered_at is not null"
                + " and dedup_key = 'case:' || $1::bigint || ':declared'";
        for (int i = 0; i < 100 && count(delivered, id) == 0; i++) {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> relay.runOnce());
        }
        Map<String, Object> todo = Api.as(village).queryParam("limit", 100).get("/api/me/notifications").jsonPath()
                .<Map<String, Object>>getList("items").stream()
                .filter(n -> ("/pages/cases/detail?id=" + id).equals(n.get("link"))).findFirst().orElseThrow();
        assertEquals("待办：入户核实", todo.get("title"));
        assertEquals(1L, count(delivered, id));
    }

    private int flagLate() {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> overdue.flagAll());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theBoardAndObjectionsRefuseBadInput() {
        assertInvalid(Api.bare().get("/api/public/villages/{code}/notices", DemoData.TOWNSHIP), "code");
        assertProblem(Api.bare().get("/api/public/villages/{code}/notices", "419999999999"), 404);
        Visited v = visited();
        // Not under notice.
        assertProblem(Api.bare().contentType(ContentType.JSON).body(Map.of("content", "异议"))
                .post("/api/public/notices/{id}/objections", v.id()), 404);
        inNotice(v);
        assertInvalid(Api.bare().contentType(ContentType.JSON).body(Map.of("content", " "))
                .post("/api/public/notices/{id}/objections", v.id()), "content");
        assertInvalid(Api.unchecked().contentType(ContentType.JSON).body(Map.of("content", "异议", "contactPhone", "123"))
                .post("/api/public/notices/{id}/objections", v.id()), "contactPhone");
        // Too many from one address within the hour.
        String key = "objection-rate:" + index.of("address", "127.0.0.1");
        io.quarkus.redis.datasource.RedisDataSource redis = io.quarkus.arc.Arc.container()
                .instance(io.quarkus.redis.datasource.RedisDataSource.class).get();
        redis.value(Long.class).set(key, 10_000L);
        try {
            assertProblem(Api.bare().contentType(ContentType.JSON).body(Map.of("content", "刷屏"))
                    .post("/api/public/notices/{id}/objections", v.id()), 429);
        } finally {
            redis.key().del(key);
        }
        assertEquals(0L, count("select count(*) from case_objection where case_id = $1", v.id()));
    }

    private static long photo(Tokens.Principal p) {
        Response r = Api.as(p).multiPart("file", "photo.jpg", org.dixian.media.TestPhotos.jpeg(), "image/jpeg").post("/api/media");
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath().getLong("id");
    }

    @Test
    void photosOfTheDeclarationAndTheVisitStayWithTheCase() {
        CreatedHousehold h = aHousehold().create();
        Tokens.Principal farmer = farmerOf(h);
        long bill = photo(farmer);
        long notMine = photo(Tokens.villageCadre());
        // Someone else's photo: refused, nothing written.
        Map<String, Object> body = DeclarationApiTest.declaration();
        body.put("photoIds", List.of(bill, notMine));
        assertInvalid(DeclarationApiTest.declare(farmer, body, UUID.randomUUID().toString()), "photoIds");
        assertEquals(0L, count("select count(*) from identification_case where household_id = $1", h.id()));
        body.put("photoIds", List.of(bill));
        JsonPath d = DeclarationApiTest.declare(farmer, body, UUID.randomUUID().toString()).jsonPath();
        long id = d.getLong("id");
        assertEquals(List.of(bill), d.getList("photoIds", Long.class));
        // The village's cadres now see the bill; a cadre of another village does not.
        assertEquals(200, Api.as(village).get("/api/media/{id}/info", bill).statusCode());
        assertProblem(Api.as(Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI)).get("/api/media/{id}/info", bill), 404);
        // A photo is used once.
        Map<String, Object> again = DeclarationApiTest.declaration();
        again.put("photoIds", List.of(bill));
        assertInvalid(DeclarationApiTest.declare(farmerOf(aHousehold().create()), again, UUID.randomUUID().toString()), "photoIds");

        Map<String, Object> visit = DeclarationApiTest.visit(d.getInt("version"));
        long house = photo(village);
        visit.put("photoIds", List.of(house));
        JsonPath v = ok(post(village, "/api/cases/{id}/visit", id, visit)).jsonPath();
        assertEquals(List.of(house), v.getList("events.find { it.type == 'VISITED' }.attachments", Long.class));
        assertEquals(34.82, v.getDouble("events.find { it.type == 'VISITED' }.latitude"), 1e-9);
        assertEquals(200, Api.as(township).get("/api/media/{id}", house).statusCode());
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Visited v = visited();
        CreatedHousehold other = aHousehold().create();
        Tokens.Principal otherFarmer = farmerOf(other);
        Tokens.Principal siblingVillage = Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI);
        Tokens.Principal otherTownship = Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP);
        Tokens.Principal otherCounty = Tokens.cadre(Role.COUNTY_CADRE, "410102000000");
        Tokens.Principal manager = Tokens.countyManager();
        Tokens.Principal client = Tokens.demoClient("households:read");
        String base = "/api/cases/" + v.id();
        return SecurityMatrix.of(
                SecurityMatrix.post(base + "/village-review", review(9_999, "PASS"))
                        .accepts(village, 409) // stale version: authorised, nothing written
                        .wrongRole(v.farmer(), 403)
                        .wrongRole(township, 403)
                        .wrongRole(manager, 403)
                        .parentRegion(siblingVillage, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post(base + "/notice/close", Map.of("version", 9_999))
                        .accepts(village, 409)
                        .wrongRole(v.farmer(), 403)
                        .wrongRole(county, 403)
                        .parentRegion(siblingVillage, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post(base + "/township-review", decision(9_999, "PASS", null))
                        .accepts(township, 409)
                        .wrongRole(village, 403)
                        .wrongRole(county, 403)
                        .wrongRole(v.farmer(), 403)
                        .otherRegion(otherTownship, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post(base + "/county-approval", decision(9_999, "REJECT", "安全矩阵"))
                        .accepts(county, 409)
                        .wrongRole(township, 403)
                        .wrongRole(Tokens.provinceCadre(), 403)
                        .wrongRole(v.farmer(), 403)
                        .otherRegion(otherCounty, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.get(base + "/objections")
                        .accepts(village, 200)
                        .wrongRole(v.farmer(), 403)
                        .wrongRole(manager, 403)
                        .parentRegion(siblingVillage, 404)
                        .otherRegion(otherCounty, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post(base + "/objections/999999999/answer", Map.of("answer", "安全矩阵"))
                        .accepts(village, 404) // no such objection of this case
                        .wrongRole(township, 403)
                        .wrongRole(v.farmer(), 403)
                        .otherHousehold(otherFarmer, 403)
                        .parentRegion(siblingVillage, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.get("/api/workbench")
                        .accepts(village, 200)
                        .wrongRole(v.farmer(), 403)
                        .wrongRole(manager, 403)
                        .refuses("client", client, 403));
    }

    private long count(String sql, Object arg) {
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().indefinitely().iterator().next().getLong(0);
    }
}
