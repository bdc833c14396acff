package org.dixian.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.dixian.demo.DemoData;
import org.dixian.testing.Api;
import org.dixian.testing.Logins;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class DevLoginApiTest {

    @Test
    void listsTheDemoAccountsFirst() {
        Response r = Api.given().get("/auth/dev/accounts");
        assertEquals(200, r.statusCode(), r::asString);
        JsonPath j = r.jsonPath();
        assertEquals(List.of("周建国", "吴卫东", "郑晓明", "王秀兰", "李德福", "张小红", "陈志强", "刘敏", "孙丽", "赵大山"),
                j.getList("name", String.class).subList(0, 10));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), j.getList("id", Long.class).subList(0, 10));
        assertEquals("TOWNSHIP_CADRE", j.getString("[3].role"));
        assertEquals("堌阳镇", j.getString("[3].regionName"));
        assertEquals(4, j.getInt("[3].level"));
        assertEquals("FARMER", j.getString("[9].role"));
        assertEquals(DemoData.VILLAGE, j.getString("[9].regionCode"));
        assertNull(j.get("[0].phone"), "no phone on the development login page");
    }

    @Test
    void listsAnAccountJustMadeToo() {
        String name = "新账号" + org.dixian.testing.Fixtures.marker();
        Response made = org.dixian.testing.Fixtures.anAccount().role(org.dixian.platform.security.Role.RESIDENT_CADRE)
                .inRegion(DemoData.VILLAGE).named(name).phone(org.dixian.testing.Fixtures.uniquePhone()).post();
        assertEquals(201, made.statusCode(), made::asString);
        List<String> names = Api.given().get("/auth/dev/accounts").jsonPath().getList("name", String.class);
        assertEquals("周建国", names.get(0), "the demo accounts still come first");
        assertEquals(1, names.stream().filter(name::equals).count(), "the new account is listed once: " + names);
    }

    @Test
    void logsInAsAnActiveAccount() {
        Logins.Pair pair = Logins.dev(9);
        JsonPath me = Api.bearer(pair.accessToken()).get("/api/me").then().statusCode(200).extract().jsonPath();
        assertEquals("孙丽", me.getString("name"));
        assertEquals("ACCOUNT_MANAGER", me.getString("role"));
        Logins.refresh(pair.refreshToken()).then().statusCode(200);
    }

    @Test
    void unknownAccountIsNotFound() {
        assertProblem(Logins.devLogin(987_654_321L), 404);
    }

    @Test
    void accountIdIsRequired() {
        assertInvalid(Api.unchecked().contentType(ContentType.JSON).body(Map.of()).post("/auth/dev/login"), "accountId");
    }
}
