package org.dixian.client;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.dixian.testing.Fixtures.aClient;
import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ApiClientApiTest {
    private static final String ZHONGYUAN = "410102000000";

    @Test
    void managerRegistersAClientWhoseSecretIsShownOnce() {
        String name = "县民政局" + Fixtures.marker();
        Response r = aClient().named(name).scopes("regions:read", "alerts:push").post();
        assertEquals(201, r.statusCode(), r::asString);
        JsonPath j = r.jsonPath();
        String clientId = j.getString("client.clientId");
        String secret = j.getString("clientSecret");
        assertTrue(clientId.startsWith("dx-"), clientId);
        assertTrue(secret.length() >= 32, "a long random secret");
        assertEquals(name, j.getString("client.name"));
        assertEquals(DemoData.COUNTY, j.getString("client.regionCode"));
        assertEquals(List.of("alerts:push", "regions:read"), j.getList("client.scopes"));
        assertEquals("ACTIVE", j.getString("client.status"));

        JsonPath listed = listAs(Tokens.countyManager());
        assertEquals(name, listed.getString("find { it.clientId == '" + clientId + "' }.name"));
        assertFalse(listed.prettify().contains(secret), "the secret is never listed");
    }

    @Test
    void registeredClientGetsATokenWithClientCredentials() {
        CreatedClient c = aClient().scopes("regions:read", "alerts:push").create();
        Response r = Logins.clientToken(c.clientId(), c.secret(), null);
        assertEquals(200, r.statusCode(), r::asString);
        JsonPath j = r.jsonPath();
        assertEquals("Bearer", j.getString("token_type"));
        assertEquals(900, j.getLong("expires_in"));
        assertEquals("alerts:push regions:read", j.getString("scope"));
        String payload = Tokens.payload(j.getString("access_token"));
        assertTrue(payload.contains("\"sub\":\"" + c.clientId() + "\""), payload);
        assertTrue(payload.contains("\"role\":\"API_CLIENT\""), payload);
        assertTrue(payload.contains("\"region\":\"" + DemoData.COUNTY + "\""), payload);
        Api.bearer(j.getString("access_token")).get("/api/regions/{code}/children", DemoData.TOWNSHIP).then().statusCode(200);

        Response narrowed = Logins.clientToken(c.clientId(), c.secret(), "alerts:push");
        assertEquals(200, narrowed.statusCode(), narrowed::asString);
        assertEquals("alerts:push", narrowed.jsonPath().getString("scope"));
        assertProblem(Api.bearer(narrowed.jsonPath().getString("access_token"))
                .get("/api/regions/{code}/children", DemoData.TOWNSHIP), 403);
    }

    @Test
    void demoClientLogsIn() {
        Response r = Logins.clientToken(DemoData.CLIENT_ID, DemoData.CLIENT_SECRET, null);
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals("alerts:push households:read regions:read", r.jsonPath().getString("scope"));
    }

    @Test
    void wrongSecretOrUnknownClientIsUnauthorized() {
        CreatedClient c = aClient().create();
        assertProblem(Logins.clientToken(c.clientId(), c.secret() + "x", null), 401);
        assertProblem(Logins.clientToken("dx-unknown-" + Fixtures.marker(), c.secret(), null), 401);
        assertProblem(Logins.clientToken(DemoData.CLIENT_ID, "demo-secret-wrong", null), 401);
    }

    @Test
    void grantTypeMustBeClientCredentials() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", DemoData.CLIENT_ID);
        form.put("client_secret", DemoData.CLIENT_SECRET);
        assertInvalid(Logins.tokenRequest(form), "grant_type");
    }

    @Test
    void missingCredentialsAreInvalid() {
        assertInvalid(Api.unchecked().contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&client_id=" + DemoData.CLIENT_ID).post("/auth/token"), "client_secret");
        assertInvalid(Api.unchecked().contentType("application/x-www-form-urlencoded")
                .body("client_id=a&client_secret=b").post("/auth/token"), "grant_type");
    }

    @Test
    void scopeBeyondTheGrantIsInvalid() {
        CreatedClient c = aClient().scopes("alerts:push").create();
        assertInvalid(Logins.clientToken(c.clientId(), c.secret(), "alerts:push households:read"), "scope");
        assertInvalid(Logins.clientToken(c.clientId(), c.secret(), "everything"), "scope");
    }

    @Test
    void unknownScopeAtRegistrationIsInvalid() {
        String name = "未知范围" + Fixtures.marker();
        Response r = Api.unchecked().header("Authorization", "Bearer " + Tokens.countyManager().token())
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "regionCode", DemoData.COUNTY, "scopes", List.of("regions:read", "admin:all")))
                .post("/api/clients");
        assertInvalid(r, "scopes");
        assertFalse(listAs(Tokens.countyManager()).prettify().contains(name), "nothing registered");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.countyManager().token())
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "regionCode", DemoData.COUNTY, "scopes", List.of())).post("/api/clients"), "scopes");
    }

    @Test
    void unknownRegionIsInvalid() {
        assertInvalid(aClient().inRegion("410225101999").post(), "regionCode");
    }

    @Test
    void registrationOutsideTheManagersRegionIsForbidden() {
        assertProblem(aClient().inRegion("410102001001").post(), 403);
        assertProblem(aClient().by(Tokens.townshipCadre()).post(), 403);
        // a village's manager cannot register at its county
        assertProblem(aClient().inRegion(DemoData.COUNTY).by(Tokens.cadre(Role.ACCOUNT_MANAGER, DemoData.VILLAGE)).post(), 403);
    }

    @Test
    void listShowsOnlyClientsInsideTheManagersRegion() {
        Tokens.Principal otherManager = Tokens.cadre(Role.ACCOUNT_MANAGER, ZHONGYUAN);
        CreatedClient lankao = aClient().create();
        CreatedClient village = aClient().inRegion(DemoData.VILLAGE).create();
        CreatedClient zhongyuan = aClient().inRegion(ZHONGYUAN).by(otherManager).create();

        List<String> lankaoList = listAs(Tokens.countyManager()).getList("clientId", String.class);
        assertTrue(lankaoList.containsAll(List.of(lankao.clientId(), village.clientId(), DemoData.CLIENT_ID)), lankaoList::toString);
        assertFalse(lankaoList.contains(zhongyuan.clientId()));
        assertTrue(listAs(Tokens.countyManager()).getList("regionCode", String.class).stream().allMatch(c -> c.startsWith("410225")));

        List<String> otherList = listAs(otherManager).getList("clientId", String.class);
        assertTrue(otherList.contains(zhongyuan.clientId()));
        assertFalse(otherList.contains(lankao.clientId()));
        assertFalse(otherList.contains(DemoData.CLIENT_ID));

        List<String> villageList = listAs(Tokens.cadre(Role.ACCOUNT_MANAGER, DemoData.VILLAGE)).getList("clientId", String.class);
        assertEquals(List.of(village.clientId()), villageList.stream().filter(id -> id.equals(village.clientId())
                || id.equals(lankao.clientId()) || id.equals(DemoData.CLIENT_ID)).toList());
    }

    @Test
    void retryWithTheSameKeyRegistersOnceAndKeepsTheFirstSecret() {
        String key = "client-" + UUID.randomUUID();
        Map<String, Object> body = aClient().body();
        Response first = Api.as(Tokens.countyManager()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/clients");
        Response second = Api.as(Tokens.countyManager()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/clients");
        assertEquals(201, first.statusCode(), first::asString);
        assertEquals(201, second.statusCode(), second::asString);
        String clientId = first.jsonPath().getString("client.clientId");
        assertEquals(clientId, second.jsonPath().getString("client.clientId"));
        String secret = first.jsonPath().getString("clientSecret");
        assertNotEquals(secret, second.jsonPath().getString("clientSecret"), "the secret is shown only once");
        assertEquals(1, listAs(Tokens.countyManager()).getList("findAll { it.name == '" + body.get("name") + "' }").size());
        Logins.clientToken(clientId, secret, null).then().statusCode(200);
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal manager = Tokens.countyManager();
        Tokens.Principal otherCountyManager = Tokens.cadre(Role.ACCOUNT_MANAGER, ZHONGYUAN);
        Tokens.Principal client = Tokens.demoClient("alerts:push", "households:read", "regions:read");
        // Unknown region inside the county: passes every access check, then 400, registers nothing.
        Map<String, Object> unknownRegion = Map.of("name", "矩阵", "regionCode", "410225101999", "scopes", List.of("alerts:push"));
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/clients")
                        .accepts(manager, 200)
                        .wrongRole(Tokens.countyCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .refuses("client", client, 403),
                SecurityMatrix.post("/api/clients", unknownRegion)
                        .accepts(manager, 400)
                        .wrongRole(Tokens.countyCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(otherCountyManager, 403)
                        .refuses("manager of a sibling village", Tokens.cadre(Role.ACCOUNT_MANAGER, "410225101202"), 403)
                        .refuses("client", client, 403));
    }

    private static JsonPath listAs(Tokens.Principal p) {
        Response r = Api.as(p).get("/api/clients");
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath();
    }
}
