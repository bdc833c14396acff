package org.dixian.checkin;

import io.quarkus.test.junit.QuarkusTest;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Fixtures;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

/** Every check-in endpoint: no or forged token, wrong role, other region, other person. */
@QuarkusTest
class CheckinSecurityTest {
    static final String OTHER_VILLAGE = "410225101202";
    static final String OTHER_TOWNSHIP = "410225102000";

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal owner = Fixtures.anAccount().role(Role.INFO_OFFICER).inRegion(DemoData.VILLAGE).create().principal();
        Tokens.Principal neighbour = Fixtures.anAccount().role(Role.INFO_OFFICER).inRegion(DemoData.VILLAGE).create().principal();
        Map<String, Object> body = CheckinApiTest.checkin("HOME_VISIT", "household:" + Fixtures.marker(), DemoData.VILLAGE,
                34.7589, 114.8873, 10);
        long id = CheckinApiTest.created(owner, CheckinApiTest.checkin("OTHER", null, DemoData.VILLAGE, 34.7589, 114.8873, 10))
                .getLong("id");
        Tokens.Principal poster = Fixtures.anAccount().role(Role.VILLAGE_CADRE).inRegion(DemoData.VILLAGE).create().principal();
        Map<String, Object> fence = Map.of("latitude", 34.7589, "longitude", 114.8873, "radiusMeters", 1500);
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/checkins/rules")
                        .accepts(Tokens.villageCadre(), 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.countyManager(), 403)
                        .wrongRole(Tokens.demoClient("regions:read"), 403),
                SecurityMatrix.post("/api/checkins", body)
                        .accepts(poster, 201)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.countyManager(), 403)
                        .otherRegion(Tokens.cadre(Role.INFO_OFFICER, OTHER_VILLAGE), 404)
                        .otherRegion(Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP), 404),
                SecurityMatrix.get("/api/checkins/" + id)
                        .accepts(owner, 200)
                        .refuses("another worker of the same village", neighbour, 404)
                        .refuses("the village cadre (not a supervisor)", Tokens.villageCadre(), 404)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP), 404),
                SecurityMatrix.get("/api/me/checkins")
                        .accepts(owner, 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.demoClient("regions:read"), 403),
                SecurityMatrix.get("/api/villages/" + DemoData.VILLAGE + "/geofence")
                        .accepts(Tokens.villageCadre(), 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(Tokens.cadre(Role.VILLAGE_CADRE, OTHER_VILLAGE), 404)
                        .otherRegion(Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP), 404),
                SecurityMatrix.post("/api/villages/" + DemoData.VILLAGE + "/geofence", fence)
                        .accepts(Tokens.townshipCadre(), 200)
                        .wrongRole(Tokens.villageCadre(), 403)
                        .wrongRole(Tokens.countyManager(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP), 404));
    }
}
