package org.dixian.testing;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real login flows (against the fake WeChat server), returning token pairs. */
public final class Logins {
    private Logins() {
    }

    public record Pair(String accessToken, String refreshToken) {
        static Pair of(Response r) {
            assertEquals(200, r.statusCode(), r::asString);
            JsonPath j = r.jsonPath();
            return new Pair(j.getString("accessToken"), j.getString("refreshToken"));
        }
    }

    /** A fresh single-use getPhoneNumber code for the phone (the fake server reads the phone from it). */
    public static String phoneCode(String phone) {
        return "phone-" + phone + "-" + UUID.randomUUID();
    }

    public static Response cadreLogin(String phoneCode) {
        return Api.given().contentType(ContentType.JSON).body(Map.of("phoneCode", phoneCode))
                .post("/auth/wechat/cadre-login");
    }

    public static Pair cadre(String phone) {
        return Pair.of(cadreLogin(phoneCode(phone)));
    }

    public static Response wechatLogin(String code) {
        return Api.given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/auth/wechat/login");
    }

    public static Pair farmer(String code) {
        return Pair.of(wechatLogin(code));
    }

    public static Response devLogin(long accountId) {
        return Api.given().contentType(ContentType.JSON).body(Map.of("accountId", accountId)).post("/auth/dev/login");
    }

    public static Pair dev(long accountId) {
        return Pair.of(devLogin(accountId));
    }

    public static Response refresh(String refreshToken) {
        return Api.given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).post("/auth/refresh");
    }

    /** client_credentials grant; scope may be null. */
    public static Response clientToken(String clientId, String secret, String scope) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        if (scope != null) {
            form.put("scope", scope);
        }
        return tokenRequest(form);
    }

    /**
     * POST /auth/token with exactly these form fields. The body is encoded by hand: the contract validator
     * cannot see REST Assured's formParams and would report a missing body.
     */
    public static Response tokenRequest(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"));
        return Api.given().contentType("application/x-www-form-urlencoded").body(body).post("/auth/token");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String clientAccessToken(String clientId, String secret, String scope) {
        Response r = clientToken(clientId, secret, scope);
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath().getString("access_token");
    }
}
