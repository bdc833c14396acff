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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.dixian.testing.Fixtures.aHousehold;
import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The escalation half of the ticket cycle: extension, urging, supervision, bulletin, merging, opening a case, the daily jobs. */
@QuarkusTest
class TicketEscalationApiTest {
    private static final String CHENGNEI = "410225101200";
    private static final String OTHER_TOWNSHIP = "410225102000";

    @Inject
    Pool pool;
    @Inject
    Clock clock;
    @Inject
    WorkingCalendar calendar;
    @Inject
    TicketJobs jobs;

    private final Tokens.Principal village = Tokens.villageCadre();
    private final Tokens.Principal township = Tokens.townshipCadre();
    private final Tokens.Principal county = Tokens.countyCadre();
    private final Tokens.Principal otherTownship = Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP);

    /** A ticket as the test holds it: its household and complainant, id, number and the version last read. */
    private record Held(CreatedHousehold household, Tokens.Principal farmer, long id, String ticketNo, int version) {
        Held at(JsonPath j) {
            return new Held(household, farmer, id, ticketNo, j.getInt("version"));
        }
    }

    private Tokens.Principal farmerOf(CreatedHousehold h) {
        long id = pool.preparedQuery("insert into account (name, role, region_code, household_id, wechat_openid) "
                        + "values ($1, 'FARMER', $2, $3, $4) returning id")
                .execute(Tuple.of("农户" + Fixtures.marker(), DemoData.VILLAGE, h.id(), "o-ticket-" + UUID.randomUUID()))
                .await().indefinitely().iterator().next().getLong(0);
        return Tokens.farmer(id, DemoData.VILLAGE, h.id());
    }

    /** A farmer of a fresh household files a ticket: REGISTERED, to be accepted by the township. */
    private Held filed() {
        CreatedHousehold h = aHousehold().create();
        return filedBy(h, farmerOf(h));
    }

    private Held filedBy(CreatedHousehold h, Tokens.Principal farmer) {
        Response r = Api.as(farmer).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("category", "SUBSIDY", "title", "低保金未按时发放", "description", "本月低保金至今未到账，请帮忙查询"))
                .post("/api/tickets");
        assertEquals(201, r.statusCode(), r::asString);
        JsonPath j = r.jsonPath();
        return new Held(h, farmer, j.getLong("id"), j.getString("ticketNo"), j.getInt("version"));
    }

    /** Accepted by the township and given to a unit: HANDLING. */
    private Held accepted(Held t, String unit) {
        return t.at(ok(post(township, "/api/tickets/{id}/accept", t.id(),
                Map.of("version", t.version(), "assignTo", unit, "note", "请核实办理"))).jsonPath());
    }

    /** Filed and given to the demo village to handle. */
    private Held handling() {
        return accepted(filed(), DemoData.VILLAGE);
    }

    private static Response post(Tokens.Principal p, String path, long id, Object body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post(path, id);
    }

    private static Response ok(Response r) {
        assertEquals(200, r.statusCode(), r::asString);
        return r;
    }

    private JsonPath get(Tokens.Principal p, long id) {
        return ok(Api.as(p).get("/api/tickets/{id}", id)).jsonPath();
    }

    private static Map<String, Object> extension(int version, int days) {
        return Map.of("version", version, "days", days, "reason", "需协调县民政局核查发放记录");
    }

    private static Map<String, Object> decision(int version, boolean approve) {
        return Map.of("version", version, "approve", approve, "reason", approve ? "同意延期" : "事项简单，应按期办结");
    }

    private void setDue(long id, LocalDate due) {
        pool.preparedQuery("update ticket set handle_due = $2 where id = $1").execute(Tuple.of(id, due)).await().indefinitely();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private long count(String sql, Object arg) {
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().indefinitely().iterator().next().getLong(0);
    }

    private long events(long ticket, String type) {
        return pool.preparedQuery("select count(*) from ticket_event where ticket_id = $1 and type = $2")
                .execute(Tuple.of(ticket, type)).await().indefinitely().iterator().next().getLong(0);
    }

    /** The titles of the messages an account got about this ticket. */
    private List<String> told(Tokens.Principal p, long ticket) {
        String link = "/pages/tickets/detail?id=" + ticket;
        return Api.as(p).queryParam("limit", 100).get("/api/me/notifications").jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(n -> link.equals(n.get("link")))
                .map(n -> (String) n.get("title")).toList();
    }

    private static <T> T run(Supplier<io.smallrye.mutiny.Uni<T>> job) {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(job::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    // ---- extension ----

    @Test
    void theHandlingUnitAsksOnceBeforeTheDeadlineAndTheLevelAboveDecides() {
        Held t = handling();
        LocalDate due = LocalDate.parse(get(village, t.id()).getString("handleDue"));
        JsonPath j = ok(post(village, "/api/tickets/{id}/extension", t.id(), extension(t.version(), 5))).jsonPath();
        assertEquals(5, j.getInt("extensionPendingDays"));
        LocalDate proposed = calendar.days().addWorkingDays(due, 5);
        assertEquals("EXTENSION_REQUESTED", j.getString("events[-1].type"));
        assertEquals(proposed.toString(), j.getString("events[-1].due"));
        assertEquals("需协调县民政局核查发放记录", j.getString("events[-1].content"));
        assertEquals(DemoData.TOWNSHIP, j.getString("events[-1].targetRegion"));
        assertTrue(told(township, t.id()).contains("延期申请待审批"));
        t = t.at(j);

        // A second request while one is pending.
        assertProblem(post(village, "/api/tickets/{id}/extension", t.id(), extension(t.version(), 3)), 409);
        // Only the level directly above decides: not the county, not the village itself, not another township.
        assertProblem(post(county, "/api/tickets/{id}/extension/decide", t.id(), decision(t.version(), true)), 403);
        assertProblem(post(village, "/api/tickets/{id}/extension/decide", t.id(), decision(t.version(), true)), 403);
        assertProblem(post(otherTownship, "/api/tickets/{id}/extension/decide", t.id(), decision(t.version(), true)), 404);

        j = ok(post(township, "/api/tickets/{id}/extension/decide", t.id(), decision(t.version(), true))).jsonPath();
        assertEquals(proposed.toString(), j.getString("handleDue"));
        assertEquals(1, j.getInt("extensionCount"));
        assertNull(j.get("extensionPendingDays"));
        assertEquals("EXTENSION_APPROVED", j.getString("events[-1].type"));
        assertTrue(told(village, t.id()).contains("延期申请已同意"));
        t = t.at(j);

        // Once per ticket; nothing left to decide.
        JsonPath used = assertProblem(post(village, "/api/tickets/{id}/extension", t.id(), extension(t.version(), 2)), 409);
        assertEquals("延期次数已用完", used.getString("detail"));
        assertProblem(post(township, "/api/tickets/{id}/extension/decide", t.id(), decision(t.version(), true)), 409);
        // Stale version.
        assertProblem(post(village, "/api/tickets/{id}/extension", t.id(), extension(t.version() - 1, 2)), 409);
    }

    @Test
    void aRefusedExtensionKeepsTheDeadline() {
        Held t = handling();
        String due = get(village, t.id()).getString("handleDue");
        t = t.at(ok(post(village, "/api/tickets/{id}/extension", t.id(), extension(t.version(), 10))).jsonPath());
        JsonPath j = ok(post(township, "/api/tickets/{id}/extension/decide", t.id(), decision(t.version(), false))).jsonPath();
        assertEquals(due, j.getString("handleDue"));
        assertEquals(0, j.getInt("extensionCount"));
        assertNull(j.get("extensionPendingDays"));
        assertEquals("EXTENSION_REFUSED", j.getString("events[-1].type"));
        assertTrue(told(village, t.id()).contains("延期申请未同意"));
    }

    @Test
    void noExtensionOnceTheDeadlineHasPassed() {
        Held t = handling();
        setDue(t.id(), today().minusDays(1));
        JsonPath p = assertProblem(post(village, "/api/tickets/{id}/extension", t.id(), extension(t.version(), 3)), 409);
        assertEquals("办理期限已过，不能再申请延期", p.getString("detail"));
        // On the deadline day itself it may still be asked for.
        setDue(t.id(), today());
        ok(post(village, "/api/tickets/{id}/extension", t.id(), extension(t.version(), 3)));
        // Only the handling unit asks.
        Held other = handling();
        assertProblem(post(township, "/api/tickets/{id}/extension", other.id(), extension(other.version(), 3)), 403);
    }

    // ---- urging and supervision ----

    @Test
    void higherLevelsUrgeTheUnitTheTicketWaitsFor() {
        Held t = handling();
        Map<String, Object> reason = Map.of("reason", "群众反映强烈，请尽快办理");
        assertProblem(post(village, "/api/tickets/{id}/urge", t.id(), reason), 403);
        assertProblem(post(otherTownship, "/api/tickets/{id}/urge", t.id(), reason), 404);
        JsonPath j = ok(post(township, "/api/tickets/{id}/urge", t.id(), reason)).jsonPath();
        assertEquals(1, j.getInt("urgeCount"));
        assertEquals("URGED", j.getString("events[-1].type"));
        assertEquals(DemoData.VILLAGE, j.getString("events[-1].targetRegion"));
        assertEquals("TOWNSHIP_CADRE", j.getString("events[-1].actorRole"));
        assertEquals(2, ok(post(county, "/api/tickets/{id}/urge", t.id(), reason)).jsonPath().getInt("urgeCount"));
        assertTrue(told(village, t.id()).contains("上级催办"));

        // Waiting for acceptance: the level above the accepting township urges it, the township itself cannot.
        Held waiting = filed();
        assertProblem(post(township, "/api/tickets/{id}/urge", waiting.id(), reason), 403);
        j = ok(post(county, "/api/tickets/{id}/urge", waiting.id(), reason)).jsonPath();
        assertEquals(DemoData.TOWNSHIP, j.getString("events[-1].targetRegion"));
        assertTrue(told(township, waiting.id()).contains("上级催办"));
    }

    @Test
    void aSupervisedTicketComesFirstInTheHandlersTodo() {
        Held plain = handling();
        Held t = handling();
        Map<String, Object> body = Map.of("dueDate", today().plusDays(3).toString(), "reason", "列为督办件");
        assertProblem(post(village, "/api/tickets/{id}/supervise", t.id(), body), 403);
        assertProblem(post(otherTownship, "/api/tickets/{id}/supervise", t.id(), body), 404);
        assertInvalid(post(township, "/api/tickets/{id}/supervise", t.id(),
                Map.of("dueDate", today().minusDays(1).toString(), "reason", "列为督办件")), "dueDate");
        JsonPath j = ok(post(township, "/api/tickets/{id}/supervise", t.id(), body)).jsonPath();
        assertTrue(j.getBoolean("supervised"));
        assertEquals(today().plusDays(3).toString(), j.getString("superviseDue"));
        assertEquals("SUPERVISED", j.getString("events[-1].type"));
        assertTrue(told(village, t.id()).contains("上级督办"));

        // The handling unit's todo: every supervised ticket before every other, so this one before the plain one.
        Integer supervisedAt = null;
        Integer plainAt = null;
        boolean seenPlain = false;
        Long after = null;
        int position = 0;
        do {
            var spec = Api.as(village).queryParam("view", "todo").queryParam("limit", 100);
            if (after != null) {
                spec.queryParam("after", after);
            }
            JsonPath page = ok(spec.get("/api/tickets")).jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                long id = ((Number) item.get("id")).longValue();
                boolean supervised = Boolean.TRUE.equals(item.get("supervised"));
                assertFalse(supervised && seenPlain, "a supervised ticket after an ordinary one: " + id);
                seenPlain |= !supervised;
                if (id == t.id()) {
                    supervisedAt = position;
                }
                if (id == plain.id()) {
                    plainAt = position;
                }
                position++;
            }
            after = page.get("nextAfter") == null ? null : page.getLong("nextAfter");
        } while (after != null && (supervisedAt == null || plainAt == null));
        assertNotNull(supervisedAt);
        assertNotNull(plainAt);
        assertTrue(supervisedAt < plainAt);
    }

    // ---- bulletin ----

    @Test
    void theBulletinShowsTicketsLateByMoreThanFiveWorkingDaysToTheLevelsAbove() {
        LocalDate cutoff = TicketDeadlines.bulletinCutoff(calendar.days(), today(), 5);
        Held late = handling();
        setDue(late.id(), cutoff);
        Held lateByFive = handling();
        setDue(lateByFive.id(), cutoff.plusDays(1));
        Held townshipOwn = accepted(filed(), DemoData.TOWNSHIP);
        setDue(townshipOwn.id(), cutoff);

        JsonPath j = ok(Api.as(township).get("/api/tickets/bulletin")).jsonPath();
        List<Long> ids = j.getList("id", Long.class);
        assertTrue(ids.contains(late.id()));
        assertFalse(ids.contains(lateByFive.id()));
        // The township's own ticket goes on the county's bulletin, not on its own.
        assertFalse(ids.contains(townshipOwn.id()));
        Map<String, Object> shown = j.<Map<String, Object>>getList("$").stream()
                .filter(m -> ((Number) m.get("id")).longValue() == late.id()).findFirst().orElseThrow();
        assertTrue(((Number) shown.get("overdueWorkingDays")).intValue() > 5);
        assertTrue(ids.size() <= 200);

        List<Long> countyIds = ok(Api.as(county).get("/api/tickets/bulletin")).jsonPath().getList("id", Long.class);
        assertTrue(countyIds.contains(late.id()));
        assertTrue(countyIds.contains(townshipOwn.id()));
        assertFalse(countyIds.contains(lateByFive.id()));
        assertFalse(ok(Api.as(otherTownship).get("/api/tickets/bulletin")).jsonPath().getList("id", Long.class).contains(late.id()));
        assertProblem(Api.as(village).get("/api/tickets/bulletin"), 403);

        // The daily job marks each once and tells the level above.
        run(() -> jobs.markBulletin(today()));
        run(() -> jobs.markBulletin(today()));
        assertEquals(1L, events(late.id(), "BULLETINED"));
        assertEquals(1L, events(townshipOwn.id(), "BULLETINED"));
        assertEquals(0L, events(lateByFive.id(), "BULLETINED"));
        assertTrue(told(township, late.id()).contains("下级工单超期通报"));
        assertTrue(told(county, townshipOwn.id()).contains("下级工单超期通报"));
        assertNull(get(township, late.id()).get("events.find { it.type == 'BULLETINED' }.actorRole"));
    }

    // ---- merging ----

    @Test
    void theAcceptingUnitMergesADuplicateOfTheSameHousehold() {
        Held a = filed();
        Held b = filedBy(a.household(), a.farmer());
        Held stranger = filed();
        Map<String, Object> intoB = Map.of("intoTicketId", b.id(), "reason", "同一户反映同一事项");
        assertProblem(post(village, "/api/tickets/{id}/merge", a.id(), intoB), 403);
        assertProblem(post(county, "/api/tickets/{id}/merge", a.id(), intoB), 403);
        assertProblem(post(otherTownship, "/api/tickets/{id}/merge", a.id(), intoB), 404);
        assertInvalid(post(township, "/api/tickets/{id}/merge", a.id(), Map.of("intoTicketId", a.id(), "reason", "重复")),
                "intoTicketId");
        JsonPath other = assertInvalid(post(township, "/api/tickets/{id}/merge", a.id(),
                Map.of("intoTicketId", stranger.id(), "reason", "重复")), "intoTicketId");
        assertEquals("只能合并同一户的同一事项", other.getString("errors[0].message"));
        assertProblem(post(township, "/api/tickets/{id}/merge", a.id(), Map.of("intoTicketId", 999_999_999L, "reason", "重复")), 404);

        JsonPath j = ok(post(township, "/api/tickets/{id}/merge", a.id(), intoB)).jsonPath();
        assertEquals("MERGED", j.getString("status"));
        assertEquals(b.id(), j.getLong("mergedInto"));
        assertNotNull(j.getString("closedAt"));
        assertEquals(a.ticketNo(), j.getString("ticketNo"));
        assertEquals("MERGED", j.getString("events[-1].type"));
        assertTrue(j.getString("events[-1].content").contains(b.ticketNo()));
        JsonPath into = get(township, b.id());
        assertEquals("REGISTERED", into.getString("status"));
        assertTrue(into.getString("events.find { it.type == 'MERGED' }.content").contains(a.ticketNo()));
        assertTrue(told(a.farmer(), a.id()).contains("工单已合并办理"));

        // A merged ticket is merged once, and nothing is merged into it.
        assertProblem(post(township, "/api/tickets/{id}/merge", a.id(), intoB), 409);
        assertProblem(post(township, "/api/tickets/{id}/merge", b.id(), Map.of("intoTicketId", a.id(), "reason", "重复")), 409);
    }

    // ---- opening a case ----

    @Test
    void aTicketOpensAnIdentificationCaseLinkedBothWays() {
        Held t = handling();
        Map<String, Object> body = Map.of("riskTypes", List.of("ILLNESS"), "description", "户主住院，医疗支出大，收入骤减");
        assertProblem(post(t.farmer(), "/api/tickets/{id}/open-case", t.id(), body), 403);
        assertProblem(post(Tokens.provinceCadre(), "/api/tickets/{id}/open-case", t.id(), body), 403);
        assertProblem(post(Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI), "/api/tickets/{id}/open-case", t.id(), body), 404);

        JsonPath j = ok(post(village, "/api/tickets/{id}/open-case", t.id(), body)).jsonPath();
        long caseId = j.getLong("caseId");
        assertEquals("CASE_OPENED", j.getString("events[-1].type"));
        assertTrue(j.getString("events[-1].content").contains(Long.toString(caseId)));
        JsonPath c = ok(Api.as(village).get("/api/cases/{id}", caseId)).jsonPath();
        assertEquals("TICKET", c.getString("source"));
        assertEquals(t.household().id(), c.getLong("householdId"));
        assertEquals("VISIT", c.getString("stage"));
        assertEquals(List.of("ILLNESS"), c.getList("riskTypes"));
        assertEquals("OPENED", c.getString("events[0].type"));
        assertTrue(c.getString("events[0].reason").contains(t.ticketNo()));

        // Once; and only for a ticket about a household.
        assertProblem(post(village, "/api/tickets/{id}/open-case", t.id(), body), 409);
        long anonymous = registered();
        JsonPath p = assertProblem(post(village, "/api/tickets/{id}/open-case", anonymous, body), 409);
        assertEquals("该工单未关联农户，无法发起识别", p.getString("detail"));
    }

    /** A call the village registered, about the village and no household. */
    private long registered() {
        Response r = Api.as(village).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("channel", "HOTLINE_12345", "category", "OTHER", "title", "村道路灯损坏",
                        "description", "村东头路灯损坏多日", "regionCode", DemoData.VILLAGE, "anonymous", true))
                .post("/api/tickets/register");
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath().getLong("id");
    }

    // ---- the daily jobs ----

    @Test
    void aLateTicketIsUrgedOnceOnTheFirstWorkingDayAfterItsDeadline() {
        // The business day the job runs for: today if it is a working day, else the last working day before.
        LocalDate day = today();
        while (!calendar.days().isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        LocalDate holiday = today().plusDays(1);
        while (calendar.days().isWorkingDay(holiday)) {
            holiday = holiday.plusDays(1);
        }
        Held t = handling();
        Held onTime = handling();
        setDue(t.id(), day.minusDays(1));
        setDue(onTime.id(), day);

        // Not on a day off.
        LocalDate off = holiday;
        assertEquals(0, run(() -> jobs.autoUrge(off)));
        assertEquals(0L, events(t.id(), "URGED"));

        LocalDate runDay = day;
        assertTrue(run(() -> jobs.autoUrge(runDay)) >= 1);
        run(() -> jobs.autoUrge(runDay));
        assertEquals(1L, events(t.id(), "URGED"));
        assertEquals(0L, events(onTime.id(), "URGED"));
        JsonPath j = get(village, t.id());
        assertEquals(1, j.getInt("urgeCount"));
        assertNull(j.get("events.find { it.type == 'URGED' }.actorRole"));
        assertEquals("超过办理期限，系统自动催办", j.getString("events.find { it.type == 'URGED' }.content"));
        assertEquals(day.minusDays(1).toString(), j.getString("events.find { it.type == 'URGED' }.due"));
        assertTrue(told(village, t.id()).contains("超期催办"));
        assertTrue(told(township, t.id()).contains("下级工单超期"));
        assertEquals(1L, count("select count(*) from ticket where id = $1 and auto_urged_on is not null", t.id()));
    }

    @Test
    void anUnratedReplyClosesByItself() {
        Held t = handling();
        JsonPath j = ok(post(village, "/api/tickets/{id}/reply", t.id(),
                Map.of("version", t.version(), "content", "已核实，低保金已补发到账"))).jsonPath();
        assertEquals("REPLIED", j.getString("status"));
        // Rated from the next working day; closed by itself three working days after that.
        assertEquals(calendar.days().addWorkingDays(today(), 1).toString(), j.getString("rateFrom"));
        run(() -> jobs.autoClose(today()));
        assertEquals("REPLIED", get(village, t.id()).getString("status"));

        pool.preparedQuery("update ticket set auto_close_on = $2 where id = $1").execute(Tuple.of(t.id(), today()))
                .await().indefinitely();
        assertTrue(run(() -> jobs.autoClose(today())) >= 1);
        j = get(village, t.id());
        assertEquals("CLOSED", j.getString("status"));
        assertNotNull(j.getString("closedAt"));
        assertEquals("AUTO_CLOSED", j.getString("events[-1].type"));
        assertNull(j.get("events[-1].actorRole"));
        assertEquals(1L, events(t.id(), "AUTO_CLOSED"));
        assertTrue(told(t.farmer(), t.id()).contains("工单已办结"), "the complainant learns it was closed");
    }

    // ---- security matrix ----

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Held t = handling();
        Held urged = handling();
        Held registeredByFarmer = filed();
        long noHousehold = registered();
        Tokens.Principal siblingVillage = Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI);
        Tokens.Principal manager = Tokens.countyManager();
        Tokens.Principal client = Tokens.demoClient("tickets:read", "households:read");
        String base = "/api/tickets/" + t.id();
        return SecurityMatrix.of(
                SecurityMatrix.post(base + "/extension", extension(9_999, 3))
                        .accepts(village, 409) // stale version: authorised, nothing written
                        .wrongRole(t.farmer(), 403)
                        .wrongRole(manager, 403)
                        .otherRegion(siblingVillage, 404)
                        .otherRegion(otherTownship, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post(base + "/extension/decide", decision(9_999, true))
                        .accepts(township, 409)
                        .wrongRole(village, 403)
                        .wrongRole(t.farmer(), 403)
                        .wrongRole(manager, 403)
                        .otherRegion(otherTownship, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/tickets/" + urged.id() + "/urge", Map.of("reason", "安全矩阵"))
                        .accepts(township, 200)
                        .wrongRole(village, 403)
                        .wrongRole(urged.farmer(), 403)
                        .wrongRole(manager, 403)
                        .otherRegion(otherTownship, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/tickets/" + urged.id() + "/supervise",
                                Map.of("dueDate", today().plusDays(5).toString(), "reason", "安全矩阵"))
                        .accepts(county, 200)
                        .wrongRole(village, 403)
                        .wrongRole(urged.farmer(), 403)
                        .wrongRole(manager, 403)
                        .otherRegion(otherTownship, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.get("/api/tickets/bulletin")
                        .accepts(township, 200)
                        .wrongRole(village, 403)
                        .wrongRole(t.farmer(), 403)
                        .wrongRole(manager, 403)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/tickets/" + registeredByFarmer.id() + "/merge",
                                Map.of("intoTicketId", registeredByFarmer.id(), "reason", "安全矩阵"))
                        .accepts(township, 400) // into itself: authorised, nothing written
                        .wrongRole(village, 403)
                        .wrongRole(registeredByFarmer.farmer(), 403)
                        .refuses("county, not the accepting unit", county, 403)
                        .wrongRole(manager, 403)
                        .otherRegion(otherTownship, 404)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/tickets/" + noHousehold + "/open-case",
                                Map.of("riskTypes", List.of("ILLNESS"), "description", "安全矩阵"))
                        .accepts(village, 409) // no household: authorised, nothing written
                        .wrongRole(Tokens.provinceCadre(), 403)
                        .wrongRole(t.farmer(), 403)
                        .wrongRole(manager, 403)
                        .otherRegion(siblingVillage, 404)
                        .otherRegion(otherTownship, 404)
                        .refuses("client", client, 403));
    }
}
