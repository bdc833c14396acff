package org.dixian.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dixian.platform.security.Role;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Every notice endpoint refuses: no or a bad token (401), roles that do not use notices (account managers, API
 * clients) or may not do this step (403), cadres and farmers of other regions (404), cadres above the publishing
 * region acting for it (403).
 */
@QuarkusTest
class NoticeSecurityTest {

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        NoticeApiTest.Place place = NoticeApiTest.Place.fresh();
        Tokens.Principal publisher = Tokens.cadre(Role.TOWNSHIP_CADRE, place.township());
        Tokens.Principal county = Tokens.cadre(Role.COUNTY_CADRE, place.county());
        Tokens.Principal village = Tokens.cadre(Role.VILLAGE_CADRE, place.village());
        Tokens.Principal neighbour = Tokens.cadre(Role.TOWNSHIP_CADRE, place.otherTownship());
        Tokens.Principal neighbourVillage = Tokens.cadre(Role.VILLAGE_CADRE, place.otherVillage());
        Tokens.Principal farmer = Tokens.farmer(96, place.village(), 4L);
        Tokens.Principal otherFarmer = Tokens.farmer(95, place.otherVillage(), 5L);
        Tokens.Principal manager = Tokens.account(9, Role.ACCOUNT_MANAGER, place.county());
        Tokens.Principal client = Tokens.client("demo-medical-insurance", place.county(), "households:read");

        long notice = NoticeApiTest.published(publisher, "NOTICE", true);
        long announcement = NoticeApiTest.published(publisher, "ANNOUNCEMENT", false);
        JsonPath stale = NoticeApiTest.draft(publisher, NoticeApiTest.notice("NOTICE", place.township(), false));
        String base = "/api/notices/" + notice;
        Map<String, Object> body = NoticeApiTest.notice("NOTICE", place.township(), false);

        return SecurityMatrix.of(
                SecurityMatrix.get("/api/notices")
                        .accepts(village, 200)
                        .wrongRole(manager, 403)
                        .wrongRole(client, 403),
                SecurityMatrix.post("/api/notices", body)
                        .accepts(publisher, 201)
                        .wrongRole(village, 403)
                        .wrongRole(farmer, 403)
                        .wrongRole(manager, 403)
                        .wrongRole(client, 403)
                        .otherRegion(neighbour, 400)
                        .refuses("county above writing for the township", county, 400),
                SecurityMatrix.get("/api/notices/unread-count")
                        .accepts(farmer, 200)
                        .wrongRole(manager, 403)
                        .wrongRole(client, 403),
                SecurityMatrix.get(base)
                        .accepts(village, 200)
                        .wrongRole(manager, 403)
                        .wrongRole(client, 403)
                        .refuses("farmer reaching for a cadres' notice", farmer, 404)
                        .otherRegion(neighbourVillage, 404)
                        .otherRegion(neighbour, 404),
                SecurityMatrix.get("/api/notices/" + announcement)
                        .accepts(farmer, 200)
                        .otherHousehold(otherFarmer, 404)
                        .wrongRole(client, 403),
                SecurityMatrix.post(base + "/publish", Map.of("version", 0))
                        .accepts(publisher, 409)
                        .wrongRole(village, 403)
                        .wrongRole(farmer, 403)
                        .wrongRole(manager, 403)
                        .otherRegion(neighbour, 404)
                        .refuses("county above the publishing township", county, 403),
                SecurityMatrix.post("/api/notices/" + stale.getLong("id") + "/withdraw", Map.of("version", 0, "reason", "测试"))
                        .accepts(publisher, 409)
                        .wrongRole(village, 403)
                        .wrongRole(farmer, 403)
                        .wrongRole(client, 403)
                        .otherRegion(neighbour, 404)
                        .refuses("county above the publishing township", county, 403),
                SecurityMatrix.post(base + "/confirm", null)
                        .accepts(village, 200)
                        .wrongRole(farmer, 403)
                        .wrongRole(manager, 403)
                        .wrongRole(client, 403)
                        .otherRegion(neighbourVillage, 404),
                SecurityMatrix.get(base + "/readers")
                        .accepts(publisher, 200)
                        .wrongRole(village, 403)
                        .refuses("farmer: a cadres' notice is not even visible", farmer, 404)
                        .wrongRole(manager, 403)
                        .otherRegion(neighbour, 404)
                        .refuses("county above the publishing township", county, 403),
                SecurityMatrix.get("/api/notices/" + announcement + "/readers")
                        .accepts(publisher, 200)
                        .wrongRole(farmer, 403)
                        .otherHousehold(otherFarmer, 404));
    }
}
