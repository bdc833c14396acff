package org.dixian.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.outbox.OutboxRelay;
import org.dixian.platform.wechat.FakeWeChatServer;
import org.dixian.testing.Fixtures;
import org.dixian.testing.OnVertx;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages reach WeChat as subscribe messages through the outbox and the relay (against the fake WeChat server). */
@QuarkusTest
class WeChatNotificationTest {
    @Inject
    Notifications notifications;
    @Inject
    OutboxRelay relay;
    @Inject
    FakeWeChatServer wechat;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;
    @ConfigProperty(name = "dixian.wechat.templates.case-progress")
    String templateId;

    /** A farmer account with this openid. */
    long farmer(String openid) {
        return pool.preparedQuery("insert into account (name, role, region_code, wechat_openid) "
                        + "values ($1, 'FARMER', $2, $3) returning id")
                .execute(Tuple.of("微信" + Fixtures.marker(), DemoData.VILLAGE, openid))
                .await().indefinitely().iterator().next().getLong(0);
    }

    void send(long account, String title, String body, String link) {
        OnVertx.await(vertx, () -> notifications.toAccounts(List.of(account), title, body, link));
    }

    List<JsonObject> received(String openid) {
        return wechat.subscribeMessages().stream().filter(m -> openid.equals(m.getString("touser"))).toList();
    }

    /** The outbox row of the account's (only) subscribe message. */
    Row outboxRow(String openid) {
        RowSet<Row> rows = pool.preparedQuery("select attempts, delivered_at, failed_at, last_error, next_attempt_at "
                + "from outbox where topic = 'wechat.subscribe' and payload->>'openid' = $1").execute(Tuple.of(openid))
                .await().indefinitely();
        assertEquals(1, rows.size(), "outbox rows for " + openid);
        return rows.iterator().next();
    }

    @Test
    void aMessageReachesWeChatWithinItsLimits() {
        String openid = "o-wx-" + UUID.randomUUID();
        long account = farmer(openid);
        String title = "您的申报已进入村级评议阶段，请耐心等待评议结果通知";  // 25 characters
        send(account, title, "村委会将于近期召开评议会", "/pages/cases/detail?id=42");
        assertEquals(List.of(), received(openid), "nothing is sent before the relay runs");

        relay.runOnce().await().indefinitely();

        List<JsonObject> got = received(openid);
        assertEquals(1, got.size());
        JsonObject m = got.get(0);
        assertEquals(templateId, m.getString("template_id"));
        assertEquals("pages/cases/detail?id=42", m.getString("page"));
        assertEquals("formal", m.getString("miniprogram_state"));
        assertEquals("zh_CN", m.getString("lang"));
        String thing = m.getJsonObject("data").getJsonObject("thing1").getString("value");
        assertEquals(20, thing.codePointCount(0, thing.length()));
        assertEquals(title.substring(0, 19) + "…", thing);
        assertEquals("村委会将于近期召开评议会", m.getJsonObject("data").getJsonObject("thing2").getString("value"));
        assertTrue(m.getJsonObject("data").getJsonObject("time3").getString("value")
                .matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}"));
        Row r = outboxRow(openid);
        assertNotNull(r.getOffsetDateTime("delivered_at"));
        assertEquals(1, r.getInteger("attempts"));

        relay.runOnce().await().indefinitely();
        assertEquals(1, received(openid).size(), "delivered once");
    }

    @Test
    void accountsWithoutOpenidGetOnlyTheInAppMessage() {
        long account = farmer(null);
        String title = "无微信" + Fixtures.marker();
        send(account, title, "正文", null);
        long outbox = pool.preparedQuery("select count(*) from outbox o join notification n "
                        + "on o.dedup_key = 'notification:' || n.id where n.account_id = $1")
                .execute(Tuple.of(account)).await().indefinitely().iterator().next().getLong(0);
        assertEquals(0L, outbox);
    }

    @Test
    void weChatFailuresAreRetriedWithBackoff() {
        String openid = "o-wx-" + UUID.randomUUID();
        send(farmer(openid), "审核进度", "乡镇已审核", null);
        wechat.failSubscribe(openid, 2, 45011);

        Instant t0 = clock.instant();
        relay.runAt(t0).await().indefinitely();
        Row first = outboxRow(openid);
        assertEquals(1, first.getInteger("attempts"));
        assertNull(first.getOffsetDateTime("delivered_at"));
        assertTrue(first.getString("last_error").contains("45011"), first.getString("last_error"));

        relay.runAt(t0.plusSeconds(31)).await().indefinitely();
        assertEquals(2, outboxRow(openid).getInteger("attempts"));
        assertEquals(List.of(), received(openid));

        relay.runAt(t0.plusSeconds(31 + 61)).await().indefinitely();
        Row done = outboxRow(openid);
        assertEquals(3, done.getInteger("attempts"));
        assertNotNull(done.getOffsetDateTime("delivered_at"));
        assertEquals(1, received(openid).size());
    }

    @Test
    void aUserWhoHasNotSubscribedIsNotAskedAgain() {
        String openid = "refused-" + UUID.randomUUID();
        send(farmer(openid), "审定结果", "县级已审定", null);
        relay.runOnce().await().indefinitely();
        Row r = outboxRow(openid);
        assertNotNull(r.getOffsetDateTime("delivered_at"));
        assertNull(r.getOffsetDateTime("failed_at"));
        assertEquals(1, r.getInteger("attempts"));
        assertEquals(List.of(), received(openid));
    }

    @Test
    void anInvalidOpenidIsGivenUpAtOnce() {
        String openid = "o-wx-" + UUID.randomUUID();
        send(farmer(openid), "审定结果", "县级已审定", null);
        wechat.failSubscribe(openid, 1, 40003);
        relay.runOnce().await().indefinitely();
        Row r = outboxRow(openid);
        assertNotNull(r.getOffsetDateTime("failed_at"));
        assertTrue(r.getString("last_error").contains("40003"));
        assertEquals(1, r.getInteger("attempts"));
    }

    @Test
    void aRolledBackChangeLeavesNeitherMessageNorOutboxRow() {
        String openid = "o-wx-" + UUID.randomUUID();
        long account = farmer(openid);
        String title = "不会发出" + Fixtures.marker();
        assertThrows(IllegalStateException.class, () -> OnVertx.await(vertx, () -> Panache.withTransaction(() ->
                notifications.toAccounts(List.of(account), title, "正文", null)
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed"))))));
        assertEquals(0L, pool.preparedQuery("select count(*) from notification where account_id = $1")
                .execute(Tuple.of(account)).await().indefinitely().iterator().next().getLong(0));
        assertEquals(0L, pool.preparedQuery("select count(*) from outbox where payload->>'openid' = $1")
                .execute(Tuple.of(openid)).await().indefinitely().iterator().next().getLong(0));
    }
}
