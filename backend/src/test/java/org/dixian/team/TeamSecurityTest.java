package org.dixian.team;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every team endpoint against the demo team of 任庄村 (陈志强, account 7, first secretary). */
@QuarkusTest
class TeamSecurityTest {
    static final String OTHER_VILLAGE = "410225101202";
    static final String OTHER_TOWNSHIP = "410225102000";

    @Inject
    Clock clock;

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal resident = Tokens.account(7, Role.RESIDENT_CADRE, DemoData.VILLAGE);
        Response teams = Api.as(Tokens.townshipCadre()).queryParam("region", DemoData.VILLAGE).get("/api/teams");
        assertEquals(200, teams.statusCode(), teams::asString);
        long teamId = teams.jsonPath().getLong("[0].id");
        long memberId = teams.jsonPath().getLong("[0].members[0].id");
        LocalDate today = LocalDate.now(clock);
        LocalDate later = today.plusDays(200);
        Response leave = TeamApiTest.requestLeave(resident, teamId, later, later);
        assertEquals(201, leave.statusCode(), leave::asString);
        long leaveId = leave.jsonPath().getLong("id");
        String team = "/api/teams/" + teamId;
        Tokens.Principal otherVillage = Tokens.cadre(Role.VILLAGE_CADRE, OTHER_VILLAGE);
        Tokens.Principal otherResident = Tokens.cadre(Role.RESIDENT_CADRE, OTHER_VILLAGE);
        Tokens.Principal otherTownship = Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP);
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/teams")
                        .accepts(Tokens.townshipCadre(), 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.countyManager(), 403),
                SecurityMatrix.post("/api/teams", TeamApiTest.team(DemoData.VILLAGE, today))
                        .accepts(Tokens.townshipCadre(), 409)
                        .wrongRole(Tokens.villageCadre(), 403)
                        .wrongRole(resident, 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(otherTownship, 404),
                SecurityMatrix.get("/api/me/teams")
                        .accepts(resident, 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.demoClient("regions:read"), 403),
                SecurityMatrix.get(team)
                        .accepts(resident, 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.countyManager(), 403)
                        .otherRegion(otherVillage, 404)
                        .otherRegion(otherTownship, 404),
                SecurityMatrix.post(team + "/members", TeamApiTest.member(7, "MEMBER", today))
                        .accepts(Tokens.townshipCadre(), 409)
                        .wrongRole(Tokens.villageCadre(), 403)
                        .wrongRole(resident, 403)
                        .otherRegion(otherTownship, 404),
                SecurityMatrix.post(team + "/members/" + memberId + "/end", Map.of("endDate", "2000-01-01", "reason", "测试"))
                        .accepts(Tokens.townshipCadre(), 400)
                        .wrongRole(Tokens.villageCadre(), 403)
                        .wrongRole(resident, 403)
                        .otherRegion(otherTownship, 404),
                SecurityMatrix.get(team + "/attendance")
                        .accepts(resident, 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(otherVillage, 404)
                        .otherRegion(otherTownship, 404),
                SecurityMatrix.get(team + "/leaves")
                        .accepts(resident, 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(otherResident, 404)
                        .otherRegion(otherTownship, 404),
                SecurityMatrix.post(team + "/leaves", Map.of("from", later.plusDays(1).toString(), "to", later.toString(), "reason", "测试"))
                        .accepts(resident, 400)
                        .refuses("a cadre of the village who is not a member", Tokens.villageCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(otherResident, 404),
                SecurityMatrix.post(team + "/leaves/" + leaveId + "/decide", Map.of("approve", false))
                        .accepts(Tokens.townshipCadre(), 400)
                        .refuses("the requester", resident, 403)
                        .refuses("a village cadre", Tokens.villageCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(otherTownship, 404));
    }
}
