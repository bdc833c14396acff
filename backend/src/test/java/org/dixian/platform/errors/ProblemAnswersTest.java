package org.dixian.platform.errors;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.dixian.demo.DemoData;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a request can be wrong is answered with a problem, never a 500 or a leak. */
@QuarkusTest
class ProblemAnswersTest {

    private static RequestSpecification manager() {
        return Api.unchecked().header("Authorization", "Bearer " + Tokens.countyManager().token());
    }

    private static Map<String, Object> validAccount() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", "错误测试" + Fixtures.marker());
        b.put("phone", Fixtures.uniquePhone());
        b.put("regionCode", DemoData.VILLAGE);
        b.put("role", "INFO_OFFICER");
        return b;
    }

    @Test
    void malformedJson() {
        JsonPath p = assertProblem(manager().contentType(ContentType.JSON).body("{\"name\": \"张三\",").post("/api/accounts"), 400);
        assertEquals("https://dixian.dev/problems/malformed-body", p.getString("type"));
        JsonPath q = assertProblem(Api.unchecked().contentType(ContentType.JSON).body("not json").post("/auth/wechat/login"), 400);
        assertEquals("https://dixian.dev/problems/malformed-body", q.getString("type"));
    }

    @Test
    void wrongContentType() {
        JsonPath p = assertProblem(manager().contentType(ContentType.TEXT).body("name=张三").post("/api/accounts"), 415);
        assertEquals("https://dixian.dev/problems/unsupported-media-type", p.getString("type"));
    }

    @Test
    void unknownPaths() {
        assertProblem(Api.bare().get("/api/nope"), 404);
        assertProblem(Api.bare().header("Authorization", "Bearer " + Tokens.countyManager().token()).get("/api/nope"), 404);
        assertProblem(Api.bare().contentType(ContentType.JSON).body("{}").post("/auth/nope"), 404);
    }

    @Test
    void badEnumNamesTheField() {
        Map<String, Object> b = validAccount();
        b.put("role", "KING");
        JsonPath p = assertInvalid(manager().contentType(ContentType.JSON).body(b).post("/api/accounts"), "role");
        assertTrue(p.getString("errors[0].message").contains("INFO_OFFICER"), "lists the allowed values");
        assertProblem(manager().queryParam("role", "KING").get("/api/accounts"), 400);
        assertProblem(manager().queryParam("status", "GONE").get("/api/accounts"), 400);
    }

    @Test
    void missingFieldsAreEachListed() {
        JsonPath p = assertInvalid(manager().contentType(ContentType.JSON).body("{}").post("/api/accounts"),
                "name", "phone", "regionCode", "role");
        assertEquals(4, p.getList("errors").size(), p.prettify());
    }

    @Test
    void missingBody() {
        assertProblem(manager().contentType(ContentType.JSON).post("/api/accounts"), 400);
    }

    @Test
    void tooLongName() {
        Map<String, Object> b = validAccount();
        b.put("name", "长".repeat(41));
        assertInvalid(manager().contentType(ContentType.JSON).body(b).post("/api/accounts"), "name");
        b.put("name", "长".repeat(40));
        assertEquals(201, manager().contentType(ContentType.JSON).body(b).post("/api/accounts").statusCode());
    }

    @Test
    void badRegionCodeAndPhone() {
        Map<String, Object> b = validAccount();
        b.put("regionCode", "4102251012");
        assertInvalid(manager().contentType(ContentType.JSON).body(b).post("/api/accounts"), "regionCode");
        b = validAccount();
        b.put("phone", "12345");
        assertInvalid(manager().contentType(ContentType.JSON).body(b).post("/api/accounts"), "phone");
    }

    @Test
    void wrongTypesAndUnknownFields() {
        Map<String, Object> b = validAccount();
        b.put("name", List.of("a", "b"));
        assertInvalid(manager().contentType(ContentType.JSON).body(b).post("/api/accounts"), "name");
        assertInvalid(Api.unchecked().contentType(ContentType.JSON).body(Map.of("accountId", "x1")).post("/auth/dev/login"),
                "accountId");
    }

    @Test
    void badPathAndQueryTypes() {
        assertProblem(manager().get("/api/accounts/abc"), 400);
        assertProblem(manager().get("/api/accounts/abc/events"), 400);
        assertProblem(manager().queryParam("limit", "many").get("/api/accounts"), 400);
        assertProblem(manager().queryParam("after", "x").get("/api/accounts"), 400);
    }

    @Test
    void wrongMethod() {
        Response r = Api.bare().header("Authorization", "Bearer " + Tokens.countyManager().token()).delete("/api/accounts");
        assertTrue(r.statusCode() == 405 || r.statusCode() == 404, r::asString);
        assertProblem(r, r.statusCode());
    }
}
