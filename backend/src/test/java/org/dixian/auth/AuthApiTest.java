package org.dixian.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Fixtures.CreatedAccount;
import org.dixian.testing.Logins;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.dixian.testing.Fixtures.anAccount;
import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuthApiTest {

    @Test
    void farmerWechatLoginCreatesTheAccountOnceAndFindsItAgain() {
        String code = "abc-" + Fixtures.marker();
        Response first = Logins.wechatLogin(code);
        assertEquals(200, first.statusCode(), first::asString);
        JsonPath j = first.jsonPath();
        assertEquals("Bearer", j.getString("tokenType"));
        assertEquals(900, j.getLong("expiresIn"));
        assertTrue(j.getString("refreshToken").length() >= 40);
        JsonPath me = Api.bearer(j.getString("accessToken")).get("/api/me").then().statusCode(200).extract().jsonPath();
        assertEquals("FARMER", me.getString("role"));
        assertEquals(0, me.getInt("level"));
        assertEquals(List.of(), me.getList("regionPath"));
        assertNull(me.get("householdId"));

        Logins.Pair second = Logins.farmer(code);
        long again = Api.bearer(second.accessToken()).get("/api/me").jsonPath().getLong("id");
        assertEquals(me.getLong("id"), again, "same code, same WeChat user, same account");
        assertNotEquals(first.jsonPath().getString("refreshToken"), second.refreshToken());

        long other = Api.bearer(Logins.farmer("abd-" + Fixtures.marker()).accessToken()).get("/api/me").jsonPath().getLong("id");
        assertNotEquals(me.getLong("id"), other);
    }

    @Test
    void wechatOpenidIsPrefixedCode() {
        // The demo farmer 赵大山 is bound to openid "o-demo-farmer": the code "demo-farmer" reaches that account.
        JsonPath me = Api.bearer(Logins.farmer("demo-farmer").accessToken()).get("/api/me").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(10, me.getLong("id"));
        assertEquals("赵大山", me.getString("name"));
    }

    @Test
    void wechatErrorsBecomeProblems() {
        assertProblem(Logins.wechatLogin("invalid-" + Fixtures.marker()), 401);
        assertProblem(Logins.wechatLogin("frequent-" + Fixtures.marker()), 429);
        assertProblem(Logins.wechatLogin("risky-" + Fixtures.marker()), 403);
        assertInvalid(Api.unchecked().contentType(ContentType.JSON).body(Map.of("code", "")).post("/auth/wechat/login"), "code");
        assertInvalid(Api.unchecked().contentType(ContentType.JSON).body(Map.of()).post("/auth/wechat/login"), "code");
    }

    @Test
    void cadreLogsInWithItsPhone() {
        Response r = Logins.cadreLogin(Logins.phoneCode("13800000004"));
        assertEquals(200, r.statusCode(), r::asString);
        JsonPath me = Api.bearer(r.jsonPath().getString("accessToken")).get("/api/me").then().statusCode(200).extract().jsonPath();
        assertEquals(4, me.getLong("id"));
        assertEquals("王秀兰", me.getString("name"));
        assertEquals("TOWNSHIP_CADRE", me.getString("role"));
        assertEquals("镇乡村振兴办主任", me.getString("position"));
        assertEquals(DemoData.TOWNSHIP, me.getString("regionCode"));
        assertEquals(4, me.getInt("level"));
        assertEquals("138****0004", me.getString("phone"));
        assertEquals(List.of("河南省", "开封市", "兰考县", "堌阳镇"), me.getList("regionPath.name"));
        assertEquals(List.of(DemoData.PROVINCE, DemoData.CITY, DemoData.COUNTY, DemoData.TOWNSHIP), me.getList("regionPath.code"));
        String payload = Tokens.payload(r.jsonPath().getString("accessToken"));
        assertTrue(payload.contains("\"iss\":\"https://dixian.local\""), payload);
        assertTrue(payload.contains("\"aud\":\"dixian\""), payload);
        assertTrue(payload.contains("\"region\":\"410225101000\""), payload);
        assertTrue(payload.contains("\"level\":4"), payload);
    }

    @Test
    void phoneCodeIsSingleUse() {
        String code = Logins.phoneCode("13800000004");
        Logins.cadreLogin(code).then().statusCode(200);
        assertProblem(Logins.cadreLogin(code), 401);
        assertProblem(Logins.cadreLogin("not-a-phone-code"), 401);
    }

    @Test
    void unregisteredPhoneIsForbidden() {
        assertProblem(Logins.cadreLogin(Logins.phoneCode(Fixtures.uniquePhone())), 403);
    }

    @Test
    void cadreLoginWithLoginCodeBindsWechat() {
        CreatedAccount a = anAccount().create();
        Response r = Api.given().contentType(ContentType.JSON)
                .body(Map.of("phoneCode", Logins.phoneCode(a.phone()), "loginCode", "bind-" + Fixtures.marker()))
                .post("/auth/wechat/cadre-login");
        assertEquals(200, r.statusCode(), r::asString);
        List<String> types = Api.as(Tokens.countyManager()).get("/api/accounts/{id}/events", a.id()).jsonPath().getList("type");
        assertEquals(List.of("CREATED", "LOGIN_BOUND"), types);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        Logins.Pair login = Logins.cadre("13800000004");
        Response rotated = Logins.refresh(login.refreshToken());
        assertEquals(200, rotated.statusCode(), rotated::asString);
        String next = rotated.jsonPath().getString("refreshToken");
        assertNotEquals(login.refreshToken(), next);
        Api.bearer(rotated.jsonPath().getString("accessToken")).get("/api/me").then().statusCode(200);

        assertProblem(Logins.refresh(login.refreshToken()), 401);
        assertProblem(Logins.refresh(next), 401);
    }

    @Test
    void rotationChainsKeepWorking() {
        Logins.Pair login = Logins.cadre("13800000004");
        String token = login.refreshToken();
        for (int i = 0; i < 3; i++) {
            Response r = Logins.refresh(token);
            assertEquals(200, r.statusCode(), r::asString);
            token = r.jsonPath().getString("refreshToken");
        }
    }

    @Test
    void otherSessionsSurviveAReuseInOneFamily() {
        Logins.Pair a = Logins.cadre("13800000004");
        Logins.Pair b = Logins.cadre("13800000004");
        Logins.refresh(a.refreshToken()).then().statusCode(200);
        assertProblem(Logins.refresh(a.refreshToken()), 401);
        Logins.refresh(b.refreshToken()).then().statusCode(200);
    }

    @Test
    void logoutEndsTheRefreshToken() {
        Logins.Pair login = Logins.cadre("13800000004");
        Api.given().contentType(ContentType.JSON).body(Map.of("refreshToken", login.refreshToken())).post("/auth/logout")
                .then().statusCode(204);
        assertProblem(Logins.refresh(login.refreshToken()), 401);
        // unknown tokens are ignored
        Api.given().contentType(ContentType.JSON).body(Map.of("refreshToken", "unknown")).post("/auth/logout")
                .then().statusCode(204);
    }

    @Test
    void unknownOrMissingRefreshToken() {
        assertProblem(Logins.refresh("no-such-token"), 401);
        assertInvalid(Api.unchecked().contentType(ContentType.JSON).body(Map.of()).post("/auth/refresh"), "refreshToken");
    }

    @Test
    void meOfTheDemoFarmer() {
        Logins.Pair login = Logins.dev(10);
        JsonPath me = Api.bearer(login.accessToken()).get("/api/me").then().statusCode(200).extract().jsonPath();
        assertEquals("赵大山", me.getString("name"));
        assertEquals("FARMER", me.getString("role"));
        assertNull(me.get("householdId"));
        assertNull(me.get("phone"));
        List<String> path = me.getList("regionPath.name");
        assertEquals("任庄村", path.get(path.size() - 1));
        assertEquals(5, path.size());
    }

    @Test
    void meIsNotForClients() {
        String token = Logins.clientAccessToken(DemoData.CLIENT_ID, DemoData.CLIENT_SECRET, null);
        assertProblem(Api.bearer(token).get("/api/me"), 403);
    }

    @Test
    void meOfAnAccountThatDoesNotExistIsUnauthorized() {
        assertProblem(Api.as(Tokens.account(987_654_321L, Role.TOWNSHIP_CADRE, DemoData.TOWNSHIP)).get("/api/me"), 401);
    }

    @Test
    void meRefusesForgedTokens() {
        Tokens.Principal p = Tokens.townshipCadre();
        Api.as(p).get("/api/me").then().statusCode(200);
        assertProblem(Api.given().get("/api/me"), 401);
        for (String forged : List.of(p.expired(), p.wrongIssuer(), p.wrongAudience(), p.tampered(), p.foreignKey(), p.algNone())) {
            assertProblem(Api.bearer(forged).get("/api/me"), 401);
        }
    }
}
