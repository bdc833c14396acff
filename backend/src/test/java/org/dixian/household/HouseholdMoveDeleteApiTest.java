package org.dixian.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Problems;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Moving a member between households (both recorded) and soft-deleting a household. */
@QuarkusTest
class HouseholdMoveDeleteApiTest {

    private static long addMember(long householdId, Map<String, Object> member) {
        List<Map<String, Object>> members = Api.as(Tokens.villageCadre()).contentType("application/json").body(member)
                .post("/api/households/" + householdId + "/members").then().statusCode(200)
                .extract().jsonPath().getList("members");
        return ((Number) members.stream().filter(m -> member.get("name").equals(m.get("name"))).findFirst()
                .orElseThrow().get("id")).longValue();
    }

    @Test
    void aMemberMovesWithEventsOnBothSides() {
        var from = Fixtures.aHousehold().create();
        var to = Fixtures.aHousehold().create();
        String name = "迁移" + Fixtures.marker();
        long memberId = addMember(from.id(), Fixtures.aMember(name, "DAUGHTER"));

        JsonPath after = Api.as(Tokens.townshipCadre()).contentType("application/json")
                .body(Map.of("toHouseholdId", to.id(), "relation", "DAUGHTER_IN_LAW", "reason", "婚嫁迁入"))
                .post("/api/households/" + from.id() + "/members/" + memberId + "/move")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, after.getList("members").size());

        Api.as(Tokens.villageCadre()).get("/api/households/" + to.id()).then().statusCode(200)
                .body("members.name", hasItem(name))
                .body("members.find { it.name == '" + name + "' }.relation", equalTo("DAUGHTER_IN_LAW"));
        Api.as(Tokens.villageCadre()).get("/api/households/" + from.id() + "/timeline").then()
                .body("type", hasItem("MEMBER_MOVED_OUT"))
                .body("find { it.type == 'MEMBER_MOVED_OUT' }.reason", equalTo("婚嫁迁入"));
        Api.as(Tokens.villageCadre()).get("/api/households/" + to.id() + "/timeline").then()
                .body("type", hasItem("MEMBER_MOVED_IN"))
                .body("find { it.type == 'MEMBER_MOVED_IN' }.changes.find { it.field == 'relation' }.to", equalTo("DAUGHTER_IN_LAW"));
    }

    @Test
    void theHeadCannotMoveAndBadTargetsAreRefused() {
        var from = Fixtures.aHousehold().create();
        var to = Fixtures.aHousehold().create();
        String move = "/api/households/" + from.id() + "/members/" + from.headId() + "/move";
        Problems.assertProblem(Api.as(Tokens.villageCadre()).contentType("application/json")
                .body(Map.of("toHouseholdId", to.id(), "relation", "SON", "reason", "分户")).post(move), 409);
        long member = addMember(from.id(), Fixtures.aMember("成员" + Fixtures.marker(), "SON"));
        String moveMember = "/api/households/" + from.id() + "/members/" + member + "/move";
        Problems.assertInvalid(Api.as(Tokens.villageCadre()).contentType("application/json")
                .body(Map.of("toHouseholdId", to.id(), "relation", "HEAD", "reason", "分户")).post(moveMember), "relation");
        Problems.assertInvalid(Api.as(Tokens.villageCadre()).contentType("application/json")
                .body(Map.of("toHouseholdId", from.id(), "relation", "SON", "reason", "分户")).post(moveMember), "toHouseholdId");
        // A household outside the caller's region is "not found", and nothing moved.
        Problems.assertProblem(Api.as(Tokens.villageCadre()).contentType("application/json")
                .body(Map.of("toHouseholdId", 9_999_999L, "relation", "SON", "reason", "分户")).post(moveMember), 404);
        Api.as(Tokens.villageCadre()).get("/api/households/" + from.id()).then().body("members.id", hasItem((int) member));
    }

    @Test
    void deletingKeepsHistoryAndReleasesTheMembers() {
        var h = Fixtures.aHousehold().create();
        Api.as(Tokens.villageCadre()).contentType("application/json").body(Map.of("reason", "重复登记"))
                .post("/api/households/" + h.id() + "/delete").then().statusCode(204);
        Problems.assertProblem(Api.as(Tokens.villageCadre()).get("/api/households/" + h.id()), 404);
        Api.as(Tokens.villageCadre()).queryParam("householdNo", h.householdNo()).get("/api/households")
                .then().statusCode(200).body("items.id", not(hasItem((int) h.id())));
        // The head may now be registered in another household.
        Fixtures.aHousehold().headIdNumber(h.headIdNumber()).create();
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        var a = Fixtures.aHousehold().create();
        var b = Fixtures.aHousehold().create();
        String move = "/api/households/" + a.id() + "/members/" + a.headId() + "/move";
        Map<String, Object> body = Map.of("toHouseholdId", b.id(), "relation", "SON", "reason", "分户");
        return SecurityMatrix.of(
                // The accepted control answers 409 (the head cannot move): authorisation passed, nothing changed.
                SecurityMatrix.post(move, body).accepts(Tokens.villageCadre(), 409)
                        .wrongRole(Tokens.provinceCadre(), 403)
                        .wrongRole(Tokens.countyManager(), 403)
                        .otherRegion(Tokens.cadre(Role.VILLAGE_CADRE, "410102001002"), 404)
                        .parentRegion(Tokens.cadre(Role.VILLAGE_CADRE, "410225101200"), 404)
                        .otherHousehold(Tokens.farmer(10, DemoData.VILLAGE, a.id()), 403)
                        .clientWithoutScope(Tokens.demoClient("households:read"), 403),
                SecurityMatrix.post("/api/households/9999999/delete", Map.of("reason", "测试")).accepts(Tokens.villageCadre(), 404)
                        .wrongRole(Tokens.provinceCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403),
                SecurityMatrix.post("/api/households/" + a.id() + "/delete", Map.of("reason", "测试"))
                        .accepts(Tokens.cadre(Role.VILLAGE_CADRE, DemoData.VILLAGE), 204)
                        .otherRegion(Tokens.cadre(Role.VILLAGE_CADRE, "410102001002"), 404)
                        .parentRegion(Tokens.cadre(Role.INFO_OFFICER, "410225101200"), 404)
                        .clientWithoutScope(Tokens.demoClient("households:read"), 403));
    }
}
