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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Third-party push (idempotent by external number) and pull (by update time) of tickets. */
@QuarkusTest
class ExternalTicketApiTest {
    private static final String ZHONGYUAN_VILLAGE = "410102001001";

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    /** A platform of 兰考县 allowed to push tickets (a token minted for a made-up client id). */
    private static Tokens.Principal platform() {
        return Tokens.client("dx-test-" + Fixtures.marker(), DemoData.COUNTY, "tickets:push");
    }

    static Map<String, Object> ticket(String externalNo) {
        Map<String, Object> m = new HashMap<>();
        m.put("externalNo", externalNo);
        m.put("channel", "HOTLINE_12345");
        m.put("category", "SUBSIDY");
        m.put("title", "补贴未到账");
        m.put("description", "来电反映：今年的产业奖补资金至今未到账，请核实。");
        m.put("regionCode", DemoData.VILLAGE);
        m.put("complainantName", "王大海");
        m.put("complainantPhone", Fixtures.uniquePhone());
        m.put("receivedAt", OffsetDateTime.now().minusHours(2).toString());
        return m;
    }

    static Response push(Tokens.Principal client, Map<String, Object> body) {
        return Api.as(client).contentType(ContentType.JSON).body(body).post("/api/external/tickets");
    }

    private long count(String clientId, String externalNo) {
        return pool.preparedQuery("select count(*) from ticket where client_id = $1 and external_no = $2")
                .execute(Tuple.of(clientId, externalNo)).await().indefinitely().iterator().next().getLong(0);
    }

    private Row row(String clientId, String externalNo) {
        return pool.preparedQuery("select id, version, accept_region, channel from ticket where client_id = $1 and external_no = $2")
                .execute(Tuple.of(clientId, externalNo)).await().indefinitely().iterator().next();
    }

    @Test
    void aRegisteredPlatformPushesOnceAndARepeatAnswersTheSameTicket() {
        CreatedClient c = Fixtures.aClient().named("开封市12345平台" + Fixtures.marker()).scopes("tickets:push").create();
        String token = Logins.clientAccessToken(c.clientId(), c.secret(), null);
        String no = "KF12345-" + Fixtures.marker();
        Map<String, Object> body = ticket(no);

        Response first = Api.bearer(token).contentType(ContentType.JSON).body(body).post("/api/external/tickets");
        assertEquals(201, first.statusCode(), first::asString);
        JsonPath j = first.jsonPath();
        assertEquals(no, j.getString("externalNo"));
        assertTrue(j.getString("ticketNo").startsWith("TS"), j.getString("ticketNo"));
        assertEquals("REGISTERED", j.getString("status"));
        assertNotNull(j.getString("updatedAt"));
        assertNull(j.get("reply"));
        assertFalse(first.asString().contains("王大海"), "the complainant is never sent back");

        Response again = Api.bearer(token).contentType(ContentType.JSON).body(body).post("/api/external/tickets");
        assertEquals(200, again.statusCode(), again::asString);
        assertEquals(j.getString("ticketNo"), again.jsonPath().getString("ticketNo"));
        assertEquals(j.getString("updatedAt"), again.jsonPath().getString("updatedAt"));
        assertEquals(1, count(c.clientId(), no));

        // The township of the village accepts it; the cadre sees where it came from, and the complainant masked.
        Row r = row(c.clientId(), no);
        assertEquals(DemoData.TOWNSHIP, r.getString("accept_region"));
        JsonPath seen = Api.as(Tokens.townshipCadre()).get("/api/tickets/{id}", r.getLong("id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("HOTLINE_12345", seen.getString("channel"));
        assertEquals(no, seen.getString("externalNo"));
        assertEquals("王**", seen.getString("complainantName"));
        assertEquals(List.of("REGISTERED"), seen.getList("events.type"));
        assertTrue(seen.getString("events[0].content").startsWith("第三方平台推送（开封市12345平台"), seen.getString("events[0].content"));
        assertEquals("API_CLIENT", seen.getString("events[0].actorRole"));

        Response got = Api.bearer(token).get("/api/external/tickets/{no}", no);
        assertEquals(200, got.statusCode(), got::asString);
        assertEquals(j.getString("ticketNo"), got.jsonPath().getString("ticketNo"));
    }

    @Test
    void concurrentPushesOfOneNumberMakeOneTicket() throws Exception {
        Tokens.Principal client = platform();
        String no = "RACE-" + Fixtures.marker();
        Map<String, Object> body = ticket(no);
        int n = 8;
        ExecutorService pool8 = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                answers.add(pool8.submit((Callable<Response>) () -> {
                    start.await();
                    return push(client, body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            Set<String> numbers = new HashSet<>();
            for (Future<Response> f : answers) {
                Response r = f.get();
                statuses.add(r.statusCode());
                numbers.add(r.jsonPath().getString("ticketNo"));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
            assertEquals(n - 1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
            assertEquals(1, numbers.size(), numbers::toString);
        } finally {
            pool8.shutdownNow();
        }
        assertEquals(1, count(client.subject(), no));
    }

    @Test
    void differentPlatformsMayUseTheSameNumber() {
        Tokens.Principal a = platform();
        Tokens.Principal b = platform();
        String no = "SHARED-" + Fixtures.marker();
        Response fromA = push(a, ticket(no));
        Response fromB = push(b, ticket(no));
        assertEquals(201, fromA.statusCode(), fromA::asString);
        assertEquals(201, fromB.statusCode(), fromB::asString);
        assertFalse(fromA.jsonPath().getString("ticketNo").equals(fromB.jsonPath().getString("ticketNo")));
        assertEquals(1, count(a.subject(), no));
        assertEquals(1, count(b.subject(), no));
        // Each sees only its own.
        assertEquals(fromA.jsonPath().getString("ticketNo"), Api.as(a).get("/api/external/tickets/{no}", no).jsonPath().getString("ticketNo"));
        assertProblem(Api.as(platform()).get("/api/external/tickets/{no}", no), 404);
    }

    @Test
    void regionMustBeInsideThePlatformsRegionAndExist() {
        Tokens.Principal client = platform();
        Map<String, Object> outside = ticket("OUT-" + Fixtures.marker());
        outside.put("regionCode", ZHONGYUAN_VILLAGE);
        assertProblem(push(client, outside), 404);
        Map<String, Object> unknown = ticket("UNK-" + Fixtures.marker());
        unknown.put("regionCode", "410225101999");
        assertInvalid(push(client, unknown), "regionCode");
        assertEquals(0, count(client.subject(), outside.get("externalNo").toString()));
        assertEquals(0, count(client.subject(), unknown.get("externalNo").toString()));
    }

    @Test
    void aCountyMatterIsAcceptedByTheCounty() {
        Tokens.Principal client = platform();
        Map<String, Object> body = ticket("CTY-" + Fixtures.marker());
        body.put("regionCode", DemoData.COUNTY);
        push(client, body).then().statusCode(201);
        assertEquals(DemoData.COUNTY, row(client.subject(), body.get("externalNo").toString()).getString("accept_region"));
    }

    @Test
    void theMiniProgramChannelCannotBePushed() {
        Tokens.Principal client = platform();
        Map<String, Object> body = ticket("MP-" + Fixtures.marker());
        body.put("channel", "MINIPROGRAM");
        assertInvalid(push(client, body), "channel");
        Map<String, Object> missing = ticket("MISS-" + Fixtures.marker());
        missing.remove("receivedAt");
        missing.remove("title");
        assertInvalid(Api.unchecked().auth().oauth2(client.token()).contentType(ContentType.JSON).body(missing)
                .post("/api/external/tickets"), "receivedAt", "title");
    }

    @Test
    void withoutTheScopeOrAsACadreThePushIsForbidden() {
        Tokens.Principal noScope = Tokens.client("dx-test-" + Fixtures.marker(), DemoData.COUNTY, "regions:read", "alerts:push");
        assertProblem(push(noScope, ticket("NS-" + Fixtures.marker())), 403);
        assertProblem(push(Tokens.townshipCadre(), ticket("CAD-" + Fixtures.marker())), 403);
        assertProblem(Api.as(noScope).get("/api/external/tickets"), 403);
    }

    @Test
    void theAnonymousComplainantIsNotKept() {
        Tokens.Principal client = platform();
        Map<String, Object> body = ticket("ANON-" + Fixtures.marker());
        body.put("anonymous", true);
        push(client, body).then().statusCode(201);
        long id = row(client.subject(), body.get("externalNo").toString()).getLong("id");
        Row r = pool.preparedQuery("select complainant_name_enc, complainant_phone_enc, complainant_phone_hash from ticket where id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next();
        assertNull(r.getString(0));
        assertNull(r.getString(1));
        assertNull(r.getString(2));
    }

    @Test
    void pullFollowsTheTicketThroughAcceptanceReplyAndFollowUp() {
        Tokens.Principal client = platform();
        String no = "PULL-" + Fixtures.marker();
        JsonPath pushed = push(client, ticket(no)).then().statusCode(201).extract().jsonPath();
        OffsetDateTime pushedAt = OffsetDateTime.parse(pushed.getString("updatedAt"));

        // Nothing else of this platform: the first pull from the beginning has exactly this ticket and no next page.
        JsonPath all = pull(client, null, 100);
        assertEquals(List.of(no), all.getList("items.externalNo"));
        assertNull(all.get("nextUpdatedAfter"));
        assertEquals(List.of(), pull(client, pushedAt, 100).getList("items"), "nothing changed since the push");

        Row r = row(client.subject(), no);
        long id = r.getLong("id");
        Response accepted = Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON)
                .body(Map.of("version", r.getInteger("version"), "assignTo", DemoData.VILLAGE, "note", "请任庄村核实"))
                .post("/api/tickets/{id}/accept", id);
        assertEquals(200, accepted.statusCode(), accepted::asString);

        JsonPath afterAccept = pull(client, pushedAt, 100);
        assertEquals(List.of(no), afterAccept.getList("items.externalNo"));
        assertEquals("HANDLING", afterAccept.getString("items[0].status"));
        assertEquals(DemoData.VILLAGE, afterAccept.getString("items[0].handlerRegion"));
        assertEquals(accepted.jsonPath().getString("handleDue"), afterAccept.getString("items[0].handleDue"));
        OffsetDateTime acceptedAt = OffsetDateTime.parse(afterAccept.getString("items[0].updatedAt"));
        assertTrue(acceptedAt.isAfter(pushedAt), acceptedAt + " after " + pushedAt);

        Response replied = Api.as(Tokens.villageCadre()).contentType(ContentType.JSON)
                .body(Map.of("version", accepted.jsonPath().getInt("version"), "content", "经核实，奖补资金已于本周发放到户。"))
                .post("/api/tickets/{id}/reply", id);
        assertEquals(200, replied.statusCode(), replied::asString);
        JsonPath afterReply = pull(client, acceptedAt, 100);
        assertEquals("REPLIED", afterReply.getString("items[0].status"));
        assertEquals("经核实，奖补资金已于本周发放到户。", afterReply.getString("items[0].reply"));
        assertNotNull(afterReply.getString("items[0].repliedAt"));
        OffsetDateTime repliedAt = OffsetDateTime.parse(afterReply.getString("items[0].updatedAt"));

        // As if the next working day had come: the township calls the complainant back.
        pool.preparedQuery("update ticket set rate_from = $2 where id = $1").execute(Tuple.of(id, LocalDate.now(clock)))
                .await().indefinitely();
        Response followed = Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON)
                .body(Map.of("satisfaction", "BASICALLY_SATISFIED", "note", "电话回访，基本满意"))
                .post("/api/tickets/{id}/follow-up", id);
        assertEquals(200, followed.statusCode(), followed::asString);
        JsonPath closed = Api.as(client).get("/api/external/tickets/{no}", no).then().statusCode(200).extract().jsonPath();
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals("BASICALLY_SATISFIED", closed.getString("satisfaction"));
        assertNotNull(closed.getString("closedAt"));
        assertEquals("经核实，奖补资金已于本周发放到户。", closed.getString("reply"));
        assertTrue(OffsetDateTime.parse(closed.getString("updatedAt")).isAfter(repliedAt));
        assertEquals(List.of(no), pull(client, repliedAt, 100).getList("items.externalNo"));
    }

    @Test
    void pagesFollowTheUpdateTimeWithoutSkippingTicketsOfTheSameInstant() {
        Tokens.Principal client = platform();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String no = "PG" + i + "-" + Fixtures.marker();
            push(client, ticket(no)).then().statusCode(201);
            numbers.add(no);
        }
        JsonPath first = pull(client, null, 2);
        assertEquals(numbers.subList(0, 2), first.getList("items.externalNo"));
        OffsetDateTime next = OffsetDateTime.parse(first.getString("nextUpdatedAfter"));
        assertEquals(first.getString("items[1].updatedAt"), first.getString("nextUpdatedAfter"));
        JsonPath second = pull(client, next, 2);
        assertEquals(numbers.subList(2, 4), second.getList("items.externalNo"));
        JsonPath third = pull(client, OffsetDateTime.parse(second.getString("nextUpdatedAfter")), 2);
        assertEquals(numbers.subList(4, 5), third.getList("items.externalNo"));
        assertNull(third.get("nextUpdatedAfter"));

        // Three tickets changed at the same instant (as a scheduled job does): a page of 2 takes all three.
        pool.preparedQuery("update ticket set updated_at = $2 where client_id = $1 and external_no = any($3)")
                .execute(Tuple.of(client.subject(), OffsetDateTime.now(clock).plusSeconds(5),
                        numbers.subList(1, 4).toArray(new String[0]))).await().indefinitely();
        JsonPath afterFirst = pull(client, null, 2);
        assertEquals(List.of(numbers.get(0), numbers.get(4)), afterFirst.getList("items.externalNo"));
        JsonPath tied = pull(client, OffsetDateTime.parse(afterFirst.getString("nextUpdatedAfter")), 2);
        assertEquals(numbers.subList(1, 4), tied.getList("items.externalNo"));
        assertNotNull(tied.get("nextUpdatedAfter"));
        assertEquals(List.of(), pull(client, OffsetDateTime.parse(tied.getString("nextUpdatedAfter")), 2).getList("items"));
    }

    @Test
    void badPullParametersAreInvalid() {
        Tokens.Principal client = platform();
        assertInvalid(Api.unchecked().auth().oauth2(client.token()).queryParam("limit", 501).get("/api/external/tickets"), "limit");
        assertProblem(Api.unchecked().auth().oauth2(client.token()).queryParam("updatedAfter", "yesterday")
                .get("/api/external/tickets"), 400);
    }

    private static JsonPath pull(Tokens.Principal client, OffsetDateTime after, int limit) {
        var spec = Api.as(client).queryParam("limit", limit);
        if (after != null) {
            spec.queryParam("updatedAfter", after.toString());
        }
        Response r = spec.get("/api/external/tickets");
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal client = platform();
        String no = "SM-" + Fixtures.marker();
        push(client, ticket(no)).then().statusCode(201);
        Tokens.Principal otherPlatform = platform();
        Tokens.Principal otherCountyPlatform = Tokens.client("dx-test-" + Fixtures.marker(), "410102000000", "tickets:push");
        Tokens.Principal noScope = Tokens.client(client.subject(), DemoData.COUNTY, "regions:read", "alerts:push", "households:read");
        // Unknown village inside the county: passes every access check, then 400, registers nothing.
        Map<String, Object> unknown = ticket("SM-UNK-" + Fixtures.marker());
        unknown.put("regionCode", "410225101999");
        return SecurityMatrix.of(
                SecurityMatrix.post("/api/external/tickets", unknown)
                        .accepts(client, 400)
                        .wrongRole(Tokens.townshipCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.countyManager(), 403)
                        .clientWithoutScope(noScope, 403)
                        .otherRegion(otherCountyPlatform, 404)
                        .parentRegion(Tokens.client("dx-test-" + Fixtures.marker(), "410225102000", "tickets:push"), 404),
                SecurityMatrix.get("/api/external/tickets")
                        .accepts(client, 200)
                        .wrongRole(Tokens.countyCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .clientWithoutScope(noScope, 403),
                SecurityMatrix.get("/api/external/tickets/" + no)
                        .accepts(client, 200)
                        .wrongRole(Tokens.townshipCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .clientWithoutScope(noScope, 403)
                        .refuses("another platform of the same county", otherPlatform, 404)
                        .refuses("a platform of another county", otherCountyPlatform, 404));
    }
}
