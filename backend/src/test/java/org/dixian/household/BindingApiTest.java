package org.dixian.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Fixtures.CreatedHousehold;
import org.dixian.testing.Logins;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.dixian.testing.Fixtures.aHousehold;
import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class BindingApiTest {

    @Test
    void farmerBindsWithNameIdAndPhoneOfRecord() {
        CreatedHousehold h = aHousehold().create();
        CreatedHousehold other = aHousehold().create();
        String access = freshFarmer();
        JsonPath before = Api.bearer(access).get("/api/me").then().statusCode(200).extract().jsonPath();
        assertNull(before.get("householdId"));
        assertProblem(Api.bearer(access).get("/api/households/{id}", h.id()), 404);

        Response r = bind(access, h.headName(), h.headIdNumber(), h.headPhone());
        assertEquals(200, r.statusCode(), r::asString);
        String bound = r.jsonPath().getString("accessToken");
        String payload = Tokens.payload(bound);
        assertTrue(payload.contains("\"hh\":" + h.id()), payload);
        assertTrue(payload.contains("\"region\":\"" + DemoData.VILLAGE + "\""), payload);
        assertTrue(payload.contains("\"role\":\"FARMER\""), payload);

        JsonPath me = Api.bearer(bound).get("/api/me").then().statusCode(200).extract().jsonPath();
        assertEquals(h.id(), me.getLong("householdId"));
        assertEquals(DemoData.VILLAGE, me.getString("regionCode"));
        assertEquals(before.getLong("id"), me.getLong("id"), "same account");
        List<String> path = me.getList("regionPath.code");
        assertEquals(DemoData.VILLAGE, path.get(path.size() - 1));
        assertTrue(path.contains(DemoData.TOWNSHIP) && path.contains(DemoData.COUNTY), path::toString);

        Response own = Api.bearer(bound).get("/api/households/{id}", h.id());
        assertEquals(200, own.statusCode(), own::asString);
        assertEquals(h.householdNo(), own.jsonPath().getString("householdNo"));
        assertFalse(own.asString().contains(h.headIdNumber()), "masked for the farmer too");
        Api.bearer(bound).get("/api/households/{id}/timeline", h.id()).then().statusCode(200);
        assertProblem(Api.bearer(bound).get("/api/households/{id}", other.id()), 404);
        assertProblem(Api.bearer(bound).get("/api/households"), 403);
        assertProblem(Api.bearer(bound).contentType(ContentType.JSON)
                .body(Map.of("field", "ID_NUMBER", "memberId", h.headId(), "reason", "看看"))
                .post("/api/households/{id}/reveal", h.id()), 403);

        // The farmer's own reads are not logged as cadre views.
        JsonPath viewers = Api.bearer(bound).get("/api/households/{id}/viewers", h.id()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), viewers.getList("kind"));

        // The refresh token carries the binding too.
        String refreshed = Logins.refresh(r.jsonPath().getString("refreshToken")).then().statusCode(200).extract()
                .jsonPath().getString("accessToken");
        assertTrue(Tokens.payload(refreshed).contains("\"hh\":" + h.id()));
    }

    @Test
    void alreadyBoundFarmerCannotBindAgain() {
        CreatedHousehold h = aHousehold().create();
        CreatedHousehold other = aHousehold().create();
        String access = freshFarmer();
        String bound = bind(access, h.headName(), h.headIdNumber(), h.headPhone()).then().statusCode(200).extract()
                .jsonPath().getString("accessToken");
        assertProblem(bind(bound, other.headName(), other.headIdNumber(), other.headPhone()), 409);
        // Not even with the access token issued before the binding.
        assertProblem(bind(access, other.headName(), other.headIdNumber(), other.headPhone()), 409);
        assertEquals(h.id(), Api.bearer(bound).get("/api/me").jsonPath().getLong("householdId"));
    }

    @Test
    void wrongDetailsCountDownThenLockForAnHour() {
        CreatedHousehold h = aHousehold().create();
        String access = freshFarmer();
        JsonPath first = assertProblem(bind(access, h.headName() + "错", h.headIdNumber(), h.headPhone()), 403);
        assertTrue(first.getString("detail").contains("4"), first::prettify);
        JsonPath second = assertProblem(bind(access, h.headName(), h.headIdNumber(), Fixtures.uniquePhone()), 403);
        assertTrue(second.getString("detail").contains("3"), second::prettify);
        // An ID number of record nobody has counts as well.
        assertProblem(bind(access, h.headName(), Fixtures.uniqueIdNumber(), h.headPhone()), 403);
        assertProblem(bind(access, "别人", h.headIdNumber(), h.headPhone()), 403);
        assertProblem(bind(access, "别人", h.headIdNumber(), h.headPhone()), 429);
        // Locked: even the right details are refused now.
        assertProblem(bind(access, h.headName(), h.headIdNumber(), h.headPhone()), 429);
        assertNull(Api.bearer(access).get("/api/me").jsonPath().get("householdId"));
    }

    @Test
    void aSuccessResetsTheCount() {
        CreatedHousehold h = aHousehold().create();
        String access = freshFarmer();
        for (int i = 0; i < 4; i++) {
            assertProblem(bind(access, "别人", h.headIdNumber(), h.headPhone()), 403);
        }
        assertEquals(200, bind(access, h.headName(), h.headIdNumber(), h.headPhone()).statusCode());
    }

    @Test
    void phoneIsRequiredWhenTheMemberHasOne() {
        CreatedHousehold withPhone = aHousehold().create();
        String access = freshFarmer();
        assertProblem(bind(access, withPhone.headName(), withPhone.headIdNumber(), null), 403);
        assertEquals(200, bind(access, withPhone.headName(), withPhone.headIdNumber(), withPhone.headPhone()).statusCode());

        CreatedHousehold noPhone = aHousehold().headPhone(null).create();
        Response r = bind(freshFarmer(), noPhone.headName(), noPhone.headIdNumber(), null);
        assertEquals(200, r.statusCode(), r::asString);
        assertTrue(Tokens.payload(r.jsonPath().getString("accessToken")).contains("\"hh\":" + noPhone.id()));
    }

    @Test
    void aRemovedMemberCannotBind() {
        CreatedHousehold h = aHousehold().create();
        Map<String, Object> spouse = Fixtures.aMember("配偶" + Fixtures.marker(), "SPOUSE");
        long spouseId = Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(spouse)
                .post("/api/households/{id}/members", h.id()).then().statusCode(200).extract().jsonPath()
                .getLong("members.find { it.relation == 'SPOUSE' }.id");
        Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(Map.of("reason", "迁出"))
                .post("/api/households/{id}/members/{m}/remove", h.id(), spouseId).then().statusCode(200);
        assertProblem(bind(freshFarmer(), (String) spouse.get("name"), (String) spouse.get("idNumber"),
                (String) spouse.get("phone")), 403);
    }

    @Test
    void onlyFarmersBind() {
        CreatedHousehold h = aHousehold().create();
        assertProblem(bind(Tokens.villageCadre().token(), h.headName(), h.headIdNumber(), h.headPhone()), 403);
        assertProblem(bind(Tokens.countyManager().token(), h.headName(), h.headIdNumber(), h.headPhone()), 403);
        assertProblem(bind(Tokens.demoClient("households:read").token(), h.headName(), h.headIdNumber(), h.headPhone()), 403);
    }

    @Test
    void bindRequestIsChecked() {
        String access = freshFarmer();
        String valid = Fixtures.uniqueIdNumber();
        assertInvalid(bind(access, "张三", valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1'), null), "idNumber");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + access).contentType(ContentType.JSON)
                .body(Map.of("idNumber", Fixtures.uniqueIdNumber())).post("/api/me/household/bind"), "name");
    }

    @Test
    void otherMembersBindOnlyAfterTheHeadAllowsThem() {
        CreatedHousehold h = aHousehold().create();
        Map<String, Object> spouse = Fixtures.aMember("配偶" + Fixtures.marker(), "SPOUSE");
        long spouseId = Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(spouse)
                .post("/api/households/{id}/members", h.id()).then().statusCode(200).extract().jsonPath()
                .getLong("members.find { it.relation == 'SPOUSE' }.id");
        String spouseFarmer = freshFarmer();
        // Right details, not yet allowed: refused, and it is not counted as a failed try.
        for (int i = 0; i < 6; i++) {
            assertProblem(bind(spouseFarmer, (String) spouse.get("name"), (String) spouse.get("idNumber"),
                    (String) spouse.get("phone")), 403);
        }

        String head = bind(freshFarmer(), h.headName(), h.headIdNumber(), h.headPhone()).then().statusCode(200)
                .extract().jsonPath().getString("accessToken");
        // Only the head allows, only members of its own household, and the head needs no permission.
        assertProblem(Api.bearer(spouseFarmer).post("/api/me/household/members/{m}/allow", spouseId), 403);
        assertProblem(Api.bearer(head).post("/api/me/household/members/{m}/allow", h.headId()), 409);
        CreatedHousehold other = aHousehold().create();
        assertProblem(Api.bearer(head).post("/api/me/household/members/{m}/allow", other.headId()), 404);
        Api.bearer(head).post("/api/me/household/members/{m}/allow", spouseId).then().statusCode(204);

        Response bound = bind(spouseFarmer, (String) spouse.get("name"), (String) spouse.get("idNumber"), (String) spouse.get("phone"));
        assertEquals(200, bound.statusCode(), bound::asString);
        assertTrue(Tokens.payload(bound.jsonPath().getString("accessToken")).contains("\"hh\":" + h.id()));
        Api.as(Tokens.villageCadre()).get("/api/households/{id}/timeline", h.id()).then()
                .body("type", org.hamcrest.Matchers.hasItem("BINDING_ALLOWED"));
    }

    @TestFactory
    Stream<DynamicNode> allowMatrix() {
        CreatedHousehold h = aHousehold().create();
        String head = bind(freshFarmer(), h.headName(), h.headIdNumber(), h.headPhone()).then().statusCode(200)
                .extract().jsonPath().getString("accessToken");
        String path = "/api/me/household/members/" + h.headId() + "/allow";
        return SecurityMatrix.of(SecurityMatrix.post(path, null)
                // The accepted control (a generic farmer principal of this household, not bound as the head) ends in
                // 403 from the head check: it got past authentication; the real head gets 409 (the head needs no grant).
                .accepts(Tokens.farmer(970_000, DemoData.VILLAGE, h.id()), 403)
                .refusesToken("the head itself (head needs no permission)", () -> head, 409)
                .wrongRole(Tokens.villageCadre(), 403)
                .wrongRole(Tokens.countyManager(), 403)
                .otherHousehold(Tokens.farmer(970_001, DemoData.VILLAGE, h.id() + 1_000_000), 403)
                .refuses("unbound farmer", Tokens.demoFarmer(), 403)
                .refuses("client", Tokens.demoClient("households:read"), 403));
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        // A farmer already bound ends in 409 once access is granted: no side effects.
        Tokens.Principal bound = Tokens.farmer(960_000, DemoData.VILLAGE, 1L);
        Map<String, Object> body = Map.of("name", "矩阵", "idNumber", Fixtures.uniqueIdNumber());
        return SecurityMatrix.of(
                SecurityMatrix.post("/api/me/household/bind", body)
                        .accepts(bound, 409)
                        .wrongRole(Tokens.countyManager(), 403)
                        .wrongRole(Tokens.villageCadre(), 403)
                        .wrongRole(Tokens.provinceCadre(), 403)
                        .refuses("client", Tokens.demoClient("households:read"), 403)
                        .refuses("cadre of another region", Tokens.cadre(Role.VILLAGE_CADRE, "410102001002"), 403));
    }

    /** A new farmer account through the WeChat login (unique code), still unbound; its access token. */
    private static String freshFarmer() {
        return Logins.farmer("bind-" + Fixtures.marker() + Fixtures.marker()).accessToken();
    }

    private static Response bind(String accessToken, String name, String idNumber, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("idNumber", idNumber);
        if (phone != null) {
            body.put("phone", phone);
        }
        return Api.bearer(accessToken).contentType(ContentType.JSON).body(body).post("/api/me/household/bind");
    }
}
