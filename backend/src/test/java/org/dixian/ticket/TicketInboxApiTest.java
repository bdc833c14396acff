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
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox reads its page without an ORM session (TicketReads): a listed ticket must look exactly like its detail. */
@QuarkusTest
class TicketInboxApiTest {
    @Inject
    Pool pool;

    /**
     * The todo list of 红庙镇 (410225104, used by no other test), written by SQL: registered ones to accept, some in
     * handling at the township (one supervised), an extension request of a village, replies due for follow-up and one
     * not yet, and work of the village that is not the township's. Paged by 3, it is the same list as in one page.
     */
    @Test
    void theTodoListIsOrderedByUrgencyAndPagesWithoutGapsOrRepeats() {
        String township = "410225104000";
        String village = "410225104201";
        pool.query("delete from ticket where region_code >= '410225104000' and region_code < '410225105000'")
                .execute().await().indefinitely();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        List<Long> expected = new ArrayList<>();
        // supervised first (its date before everything else would not matter), then by due date, then by id
        long supervised = insert(village, township, "HANDLING", township, today.plusDays(9), true, today.plusDays(6), null, null);
        long acceptLate = insert(village, township, "REGISTERED", null, today.minusDays(2), false, null, null, null);
        long handleToday = insert(village, township, "HANDLING", township, today, false, null, null, null);
        long extension = insert(village, township, "HANDLING", village, today.plusDays(1), false, null, 10, null);
        long acceptTomorrow1 = insert(village, township, "REGISTERED", null, today.plusDays(1), false, null, null, null);
        long acceptTomorrow2 = insert(village, township, "REGISTERED", null, today.plusDays(1), false, null, null, null);
        long followUp = insert(village, township, "REPLIED", village, today.plusDays(2), false, null, null, today);
        long handleLater = insert(township, township, "HANDLING", township, today.plusDays(5), false, null, null, null);
        // not the township's work: the village handles it (no extension asked), a reply not yet due for follow-up
        insert(village, township, "HANDLING", village, today.minusDays(5), false, null, null, null);
        insert(village, township, "REPLIED", village, today.minusDays(5), false, null, null, today.plusDays(1));
        expected.addAll(List.of(supervised, acceptLate, handleToday, extension, acceptTomorrow1, acceptTomorrow2, followUp,
                handleLater));

        Tokens.Principal cadre = Tokens.cadre(org.dixian.platform.security.Role.TOWNSHIP_CADRE, township);
        JsonPath all = Api.as(cadre).queryParam("view", "todo").queryParam("limit", 100).get("/api/tickets")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(expected, all.getList("items.id", Long.class));
        List<Long> paged = new ArrayList<>();
        Long after = null;
        do {
            var spec = Api.as(cadre).queryParam("view", "todo").queryParam("limit", 3);
            if (after != null) {
                spec.queryParam("after", after);
            }
            JsonPath j = spec.get("/api/tickets").then().statusCode(200).extract().jsonPath();
            paged.addAll(j.getList("items.id", Long.class));
            after = j.get("nextAfter") == null ? null : j.getLong("nextAfter");
        } while (after != null);
        assertEquals(expected, paged);
        JsonPath overdue = Api.as(cadre).queryParam("view", "todo").queryParam("overdue", true).get("/api/tickets")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(acceptLate), overdue.getList("items.id", Long.class));
        JsonPath replied = Api.as(cadre).queryParam("view", "todo").queryParam("status", "REPLIED").get("/api/tickets")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(followUp), replied.getList("items.id", Long.class));
    }

    private long insert(String region, String acceptRegion, String status, String handler, LocalDate due, boolean supervised,
                        LocalDate superviseDue, Integer extensionDays, LocalDate rateFrom) {
        boolean registered = "REGISTERED".equals(status);
        return pool.preparedQuery("""
                insert into ticket (ticket_no, channel, category, status, title, description, region_code, accept_region,
                                    handler_region, accept_due, handle_due, supervised, supervise_due, extension_pending_days,
                                    rate_from, created_at, updated_at)
                values ($1, 'VISIT', 'OTHER', $2, '待办测试', '待办测试', $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), now())
                returning id
                """).execute(Tuple.from(new Object[] {"TIB" + Fixtures.marker(), status, region, acceptRegion, handler,
                registered ? due : due.minusDays(20), registered ? null : due, supervised, superviseDue, extensionDays,
                rateFrom})).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aListedTicketIsShownExactlyAsItsDetail() {
        Tokens.Principal platform = Tokens.client("dx-test-" + Fixtures.marker(), DemoData.COUNTY, "tickets:push");
        String no = "INBOX-" + Fixtures.marker();
        Map<String, Object> body = ExternalTicketApiTest.ticket(no);
        body.put("regionCode", DemoData.VILLAGE);
        ExternalTicketApiTest.push(platform, body).then().statusCode(201);
        Row r = pool.preparedQuery("select id, version from ticket where client_id = $1 and external_no = $2")
                .execute(Tuple.of(platform.subject(), no)).await().indefinitely().iterator().next();
        long id = r.getLong("id");
        Response accepted = Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON)
                .body(Map.of("version", r.getInteger("version"), "assignTo", DemoData.VILLAGE, "note", "请村里核实"))
                .post("/api/tickets/{id}/accept", id);
        assertEquals(200, accepted.statusCode(), accepted::asString);
        // Supervised with a date already past, so that the deadline, overdue flag and working days are all shown.
        pool.preparedQuery("update ticket set supervised = true, supervise_due = current_date - 3 where id = $1")
                .execute(Tuple.of(id)).await().indefinitely();

        Map<String, Object> detail = Api.as(Tokens.villageCadre()).get("/api/tickets/{id}", id).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        Map<String, Object> inAll = find(Api.as(Tokens.villageCadre()).queryParam("view", "all").get("/api/tickets"), id);
        assertEquals(detail, inAll);
        assertEquals(detail, inTodo(id));
        assertEquals(List.of("REGISTERED", "ACCEPTED", "ASSIGNED"), ((List<?>) detail.get("events")).stream()
                .map(e -> ((Map<?, ?>) e).get("type")).toList());
        assertEquals(true, detail.get("overdue"));
        assertEquals("王**", detail.get("complainantName"));
    }

    /** The ticket in the village cadre's todo list, paging on (earlier runs leave their tickets in the list). */
    private static Map<String, Object> inTodo(long id) {
        Long after = null;
        for (int page = 0; page < 50; page++) {
            var spec = Api.as(Tokens.villageCadre()).queryParam("view", "todo").queryParam("limit", 100);
            if (after != null) {
                spec.queryParam("after", after);
            }
            JsonPath j = spec.get("/api/tickets").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = j.getList("items");
            for (Map<String, Object> i : items) {
                if (((Number) i.get("id")).longValue() == id) {
                    return i;
                }
            }
            after = j.get("nextAfter") == null ? null : j.getLong("nextAfter");
            if (after == null) {
                break;
            }
        }
        throw new AssertionError("ticket " + id + " not in the todo list");
    }

    private static Map<String, Object> find(Response r, long id) {
        assertEquals(200, r.statusCode(), r::asString);
        JsonPath j = r.jsonPath();
        List<Map<String, Object>> items = j.getList("items");
        Map<String, Object> found = items.stream().filter(i -> ((Number) i.get("id")).longValue() == id).findFirst().orElse(null);
        assertTrue(found != null, () -> "ticket " + id + " not on the first page: " + j.getList("items.id"));
        return found;
    }
}
