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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox reads its page without an ORM session (TicketReads): a listed ticket must look exactly like its detail. */
@QuarkusTest
class TicketInboxApiTest {
    @Inject
    Pool pool;

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
