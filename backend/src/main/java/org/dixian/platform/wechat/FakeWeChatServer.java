package org.dixian.platform.wechat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for WeChat's server API for development and tests (dixian.wechat.fake.enabled), served over
 * real HTTP on loopback so WxJava runs unchanged. It mimics the public API shapes:
 * <ul>
 *   <li>{@code GET /cgi-bin/token} and {@code POST /cgi-bin/stable_token} → access_token</li>
 *   <li>{@code GET /sns/jscode2session}: code {@code invalid…} → 40029, {@code frequent…} → 45011,
 *       {@code risky…} → 40226; any other code → openid {@code "o-" + code}</li>
 *   <li>{@code POST /wxa/business/getuserphonenumber}: code {@code phone-13800000004} → that phone; each code
 *       single-use and valid 5 minutes, else 40029</li>
 *   <li>{@code POST /cgi-bin/message/subscribe/send}: touser {@code refused…} → 43101 (not subscribed); after
 *       {@link #failSubscribe} the next n sends to that user answer the given error; otherwise the message is
 *       recorded ({@link #subscribeMessages}) and answered ok</li>
 * </ul>
 */
@ApplicationScoped
public class FakeWeChatServer {
    private static final Duration PHONE_CODE_TTL = Duration.ofMinutes(5);
    private final boolean enabled;
    private final Clock clock;
    private final Map<String, Instant> usedPhoneCodes = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    /** Kept for tests and for a look in development; the oldest go first. */
    private static final int MAX_RECORDED = 1000;
    private final java.util.Deque<JsonObject> subscribeMessages = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** Per openid: how many more sends fail, and with which error code. */
    private final Map<String, int[]> subscribeFailures = new ConcurrentHashMap<>();
    private int port;
    private HttpServer server;

    public FakeWeChatServer(@ConfigProperty(name = "dixian.wechat.fake.enabled") boolean enabled, Vertx vertx, Clock clock) {
        this.enabled = enabled;
        this.clock = clock;
        if (enabled) {
            start(vertx);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void start(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.get("/cgi-bin/token").handler(this::token);
        router.post("/cgi-bin/stable_token").handler(this::token);
        router.get("/sns/jscode2session").handler(this::jscode2session);
        router.post("/wxa/business/getuserphonenumber").handler(this::phone);
        router.post("/cgi-bin/message/subscribe/send").handler(this::subscribeSend);
        // The port is chosen up front so that nothing waits for the bind (this may run on the event loop).
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port for the fake WeChat server", e);
        }
        server = vertx.createHttpServer().requestHandler(router);
        server.listen(port, "127.0.0.1");
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void token(RoutingContext ctx) {
        send(ctx, new JsonObject().put("access_token", "fake-access-token").put("expires_in", 7200));
    }

    private void jscode2session(RoutingContext ctx) {
        String code = ctx.request().getParam("js_code");
        if (code == null || code.isBlank() || code.startsWith("invalid")) {
            send(ctx, error(40029, "invalid code"));
        } else if (code.startsWith("frequent")) {
            send(ctx, error(45011, "api minute-quota reach limit"));
        } else if (code.startsWith("risky")) {
            send(ctx, error(40226, "high risk user"));
        } else {
            send(ctx, new JsonObject().put("openid", "o-" + code).put("session_key", "fake-session-key"));
        }
    }

    private void phone(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String code = body == null ? null : body.getString("code");
        Instant now = clock.instant();
        if (code == null || !code.matches("phone-1[3-9][0-9]{9}(-.*)?")) {
            send(ctx, error(40029, "invalid code"));
            return;
        }
        Instant seen = firstSeen.computeIfAbsent(code, c -> now);
        if (usedPhoneCodes.putIfAbsent(code, now) != null || seen.plus(PHONE_CODE_TTL).isBefore(now)) {
            send(ctx, error(40029, "invalid code"));
            return;
        }
        String phone = code.substring(6, 17);
        JsonObject info = new JsonObject().put("phoneNumber", phone).put("purePhoneNumber", phone)
                .put("countryCode", "86")
                .put("watermark", new JsonObject().put("timestamp", now.getEpochSecond()).put("appid", "wx0000000000000000"));
        send(ctx, new JsonObject().put("errcode", 0).put("errmsg", "ok").put("phone_info", info));
    }

    /** The subscribe messages received so far (request bodies), oldest first. */
    public java.util.List<JsonObject> subscribeMessages() {
        return java.util.List.copyOf(subscribeMessages);
    }

    /** The next {@code times} subscribe sends to this openid answer WeChat error {@code errcode}. */
    public void failSubscribe(String openid, int times, int errcode) {
        subscribeFailures.put(openid, new int[] {times, errcode});
    }

    /** The error code for this send when a failure is due for the user, else 0. */
    private int dueFailure(String openid) {
        int[] code = {0};
        subscribeFailures.computeIfPresent(openid, (k, f) -> {
            code[0] = f[1];
            return f[0] <= 1 ? null : new int[] {f[0] - 1, f[1]};
        });
        return code[0];
    }

    private void subscribeSend(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String touser = body == null ? null : body.getString("touser");
        int failure = touser == null ? 0 : dueFailure(touser);
        if (ctx.request().getParam("access_token") == null) {
            send(ctx, error(41001, "access_token missing"));
        } else if (failure != 0) {
            send(ctx, error(failure, "fake failure"));
        } else if (touser == null || touser.isBlank()) {
            send(ctx, error(40003, "invalid openid"));
        } else if (body.getString("template_id") == null) {
            send(ctx, error(40037, "invalid template_id"));
        } else if (touser.startsWith("refused")) {
            send(ctx, error(43101, "user refuse to accept the msg"));
        } else {
            subscribeMessages.addLast(body.copy());
            while (subscribeMessages.size() > MAX_RECORDED) {
                subscribeMessages.pollFirst();
            }
            send(ctx, error(0, "ok"));
        }
    }

    private static JsonObject error(int code, String msg) {
        return new JsonObject().put("errcode", code).put("errmsg", msg);
    }

    private static void send(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}
