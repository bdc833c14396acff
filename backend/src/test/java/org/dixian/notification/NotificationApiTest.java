package org.dixian.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.OnVertx;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class NotificationApiTest {
    @Inject
    Notifications notifications;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    /** An account row (messages reference their account); openid may be null. */
    long account(Role role, String region, String status, String openid) {
        return pool.preparedQuery("insert into account (name, role, region_code, status, wechat_openid) "
                        + "values ($1, $2, $3, $4, $5) returning id")
                .execute(Tuple.of("消息" + Fixtures.marker(), role.name(), region, status, openid))
                .await().indefinitely().iterator().next().getLong(0);
    }

    Tokens.Principal farmer() {
        return Tokens.farmer(account(Role.FARMER, DemoData.VILLAGE, "ACTIVE", null), DemoData.VILLAGE, null);
    }

    void send(long accountId, String title) {
        OnVertx.await(vertx, () -> notifications.toAccounts(List.of(accountId), title, "正文" + title, "/pages/cases/detail?id=1"));
    }

    /** The ids of the account's messages with this title, newest first. */
    List<Long> ids(long accountId, String title) {
        List<Long> ids = new ArrayList<>();
        for (Row r : pool.preparedQuery("select id from notification where account_id = $1 and title = $2 order by id desc")
                .execute(Tuple.of(accountId, title)).await().indefinitely()) {
            ids.add(r.getLong(0));
        }
        return ids;
    }

    static Response list(Tokens.Principal p, Long after, Integer limit) {
        var spec = Api.as(p);
        if (after != null) {
            spec.queryParam("after", after);
        }
        if (limit != null) {
            spec.queryParam("limit", limit);
        }
        return spec.get("/api/me/notifications");
    }

    static Response read(Tokens.Principal p, long id) {
        return Api.as(p).post("/api/me/notifications/{id}/read", id);
    }

    @Test
    void newestFirstInPagesWithTheUnreadCount() {
        Tokens.Principal me = farmer();
        long account = Long.parseLong(me.subject());
        JsonPath empty = list(me, null, null).then().statusCode(200).extract().jsonPath();
        assertEquals(0, empty.getList("items").size());
        assertEquals(0L, empty.getLong("unread"));
        assertNull(empty.get("nextAfter"));

        String m = Fixtures.marker();
        send(account, "第一条" + m);
        send(account, "第二条" + m);
        send(account, "第三条" + m);

        JsonPath first = list(me, null, 2).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("第三条" + m, "第二条" + m), first.getList("items.title"));
        assertEquals(List.of(false, false), first.getList("items.read"));
        assertEquals("正文第三条" + m, first.getString("items[0].body"));
        assertEquals("/pages/cases/detail?id=1", first.getString("items[0].link"));
        assertEquals(3L, first.getLong("unread"));
        long next = first.getLong("nextAfter");
        assertEquals(first.getLong("items[1].id"), next);

        JsonPath second = list(me, next, 2).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("第一条" + m), second.getList("items.title"));
        assertNull(second.get("nextAfter"));

        // Reading counts once; reading again is answered the same and changes nothing.
        long id = first.getLong("items[1].id");
        Response r = read(me, id);
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals(id, r.jsonPath().getLong("id"));
        assertTrue(r.jsonPath().getBoolean("read"));
        assertEquals(2L, list(me, null, null).jsonPath().getLong("unread"));
        Row readAt = pool.preparedQuery("select read_at from notification_read where notification_id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next();
        Response again = read(me, id);
        assertEquals(200, again.statusCode(), again::asString);
        assertTrue(again.jsonPath().getBoolean("read"));
        assertEquals(readAt.getOffsetDateTime(0), pool.preparedQuery("select read_at from notification_read where notification_id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getOffsetDateTime(0));

        JsonPath after = list(me, null, null).jsonPath();
        assertEquals(2L, after.getLong("unread"));
        assertEquals(List.of(false, true, false), after.getList("items.read"));
    }

    @Test
    void anotherAccountsMessageIsNotFound() {
        Tokens.Principal owner = farmer();
        Tokens.Principal other = farmer();
        String title = "别人的消息" + Fixtures.marker();
        send(Long.parseLong(owner.subject()), title);
        long id = ids(Long.parseLong(owner.subject()), title).get(0);

        JsonPath p = assertProblem(read(other, id), 404);
        assertEquals("未找到该消息", p.getString("detail"));
        assertProblem(read(other, Long.MAX_VALUE), 404);
        assertFalse(list(other, null, null).jsonPath().getList("items.id", Long.class).contains(id));
        // The owner's message stays unread.
        assertEquals(1L, list(owner, null, null).jsonPath().getLong("unread"));
    }

    @Test
    void cadresHaveMessagesToo() {
        long cadre = account(Role.VILLAGE_CADRE, DemoData.VILLAGE, "ACTIVE", null);
        String title = "待办" + Fixtures.marker();
        send(cadre, title);
        Tokens.Principal p = Tokens.account(cadre, Role.VILLAGE_CADRE, DemoData.VILLAGE);
        assertEquals(List.of(title), list(p, null, null).jsonPath().getList("items.title"));
    }

    @Test
    void limitOutsideOneToAHundredIsInvalid() {
        String token = farmer().token();
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + token).queryParam("limit", 0)
                .get("/api/me/notifications"), "limit");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + token).queryParam("limit", 101)
                .get("/api/me/notifications"), "limit");
    }

    @Test
    void regionRolesReachTheEnabledAccountsOfThoseRolesExactlyAtTheRegion() {
        // A village code of its own, so that no other test's accounts are there.
        String village = "4102251019" + String.format("%02d", 10 + Math.abs(UUID.randomUUID().hashCode() % 90));
        String township = village.substring(0, 9) + "000";
        String openid = "o-region-" + UUID.randomUUID();
        long villageCadre = account(Role.VILLAGE_CADRE, village, "ACTIVE", openid);
        long infoOfficer = account(Role.INFO_OFFICER, village, "ACTIVE", null);
        long disabled = account(Role.VILLAGE_CADRE, village, "DISABLED", "o-region-" + UUID.randomUUID());
        long above = account(Role.VILLAGE_CADRE, township, "ACTIVE", null);
        long farmer = account(Role.FARMER, village, "ACTIVE", null);
        long resident = account(Role.RESIDENT_CADRE, village, "ACTIVE", null);

        String title = "请入户核实" + Fixtures.marker();
        OnVertx.await(vertx, () -> notifications.toRegionRoles(village, List.of(Role.VILLAGE_CADRE, Role.INFO_OFFICER),
                title, "有一件新的申报待入户核实", "/pages/cases/detail?id=7"));

        assertEquals(1, ids(villageCadre, title).size());
        assertEquals(1, ids(infoOfficer, title).size());
        for (long nobody : List.of(disabled, above, farmer, resident)) {
            assertEquals(0, ids(nobody, title).size(), "account " + nobody);
        }
        // Only the cadre with an openid gets a subscribe message, keyed by the message it repeats.
        long notificationId = ids(villageCadre, title).get(0);
        Row out = pool.preparedQuery("select topic, dedup_key, payload->>'openid' as openid, payload->>'page' as page "
                        + "from outbox where payload->>'openid' = $1")
                .execute(Tuple.of(openid)).await().indefinitely().iterator().next();
        assertEquals("wechat.subscribe", out.getString("topic"));
        assertEquals("notification:" + notificationId, out.getString("dedup_key"));
        assertEquals("pages/cases/detail?id=7", out.getString("page"));
    }

    @Test
    void unknownAccountsAreSkipped() {
        long me = account(Role.FARMER, DemoData.VILLAGE, "ACTIVE", null);
        String title = "有人不存在" + Fixtures.marker();
        OnVertx.await(vertx, () -> notifications.toAccounts(List.of(me, Long.MAX_VALUE), title, "正文", null));
        assertEquals(1, ids(me, title).size());
        Tokens.Principal p = Tokens.farmer(me, DemoData.VILLAGE, null);
        JsonPath j = list(p, null, null).jsonPath();
        assertNull(j.get("items[0].link"));
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal owner = farmer();
        Tokens.Principal other = farmer();
        String title = "矩阵" + Fixtures.marker();
        send(Long.parseLong(owner.subject()), title);
        long id = ids(Long.parseLong(owner.subject()), title).get(0);
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/me/notifications")
                        .accepts(owner, 200)
                        .refuses("api client", Tokens.demoClient("regions:read"), 403),
                SecurityMatrix.post("/api/me/notifications/" + id + "/read", null)
                        .accepts(owner, 200)
                        .refuses("another account", other, 404)
                        .refuses("a cadre", Tokens.villageCadre(), 404)
                        .refuses("api client", Tokens.demoClient("regions:read"), 403));
    }
}
