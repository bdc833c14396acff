package org.dixian.region;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Logins;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RegionApiTest {
    private static final String ZHONGYUAN = "410102000000"; // 郑州市中原区, another county
    private static final String ZHONGYUAN_TOWNSHIP = "410102001000";
    private static final String RENZHUANG = DemoData.VILLAGE; // 任庄村

    @Test
    void townshipCadreSeesItsVillages() {
        Response r = Api.as(Tokens.townshipCadre()).get("/api/regions/{code}/children", DemoData.TOWNSHIP);
        assertEquals(200, r.statusCode(), r::asString);
        List<String> codes = r.jsonPath().getList("code", String.class);
        assertTrue(codes.contains(RENZHUANG), () -> "任庄村 missing from " + codes);
        assertTrue(codes.size() > 5, "a township has many villages");
        assertEquals(codes.stream().sorted().toList(), codes, "ordered by code");
        JsonPath j = r.jsonPath();
        assertTrue(j.getList("level", Integer.class).stream().allMatch(l -> l == 5));
        assertTrue(j.getList("parentCode", String.class).stream().allMatch(DemoData.TOWNSHIP::equals));
        assertEquals("任庄村", j.getString("find { it.code == '" + RENZHUANG + "' }.name"));
    }

    @Test
    void getReturnsTheRegion() {
        JsonPath j = Api.as(Tokens.townshipCadre()).get("/api/regions/{code}", RENZHUANG)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(RENZHUANG, j.getString("code"));
        assertEquals("任庄村", j.getString("name"));
        assertEquals(5, j.getInt("level"));
        assertEquals(DemoData.TOWNSHIP, j.getString("parentCode"));
    }

    @Test
    void provinceHasNoParent() {
        JsonPath j = Api.as(Tokens.provinceCadre()).get("/api/regions/{code}", DemoData.PROVINCE)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("河南省", j.getString("name"));
        assertEquals(1, j.getInt("level"));
        assertNull(j.get("parentCode"));
    }

    @Test
    void pathRunsFromProvinceToTheVillage() {
        Response r = Api.as(Tokens.townshipCadre()).get("/api/regions/{code}/path", RENZHUANG);
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals(List.of("河南省", "开封市", "兰考县", "堌阳镇", "任庄村"), r.jsonPath().getList("name", String.class));
        assertEquals(List.of(DemoData.PROVINCE, DemoData.CITY, DemoData.COUNTY, DemoData.TOWNSHIP, RENZHUANG),
                r.jsonPath().getList("code", String.class));
        assertEquals(List.of(1, 2, 3, 4, 5), r.jsonPath().getList("level", Integer.class));
    }

    @Test
    void searchFindsVillagesByName() {
        Response r = Api.as(Tokens.townshipCadre()).queryParam("q", "任庄").get("/api/regions/{code}/search", DemoData.TOWNSHIP);
        assertEquals(200, r.statusCode(), r::asString);
        List<String> names = r.jsonPath().getList("name", String.class);
        assertTrue(names.contains("任庄村"), () -> names.toString());
        assertTrue(names.stream().allMatch(n -> n.contains("任庄")), () -> names.toString());
        assertTrue(r.jsonPath().getList("code", String.class).stream().allMatch(c -> c.startsWith("410225101")));
    }

    @Test
    void searchFromTheCountyFindsTownshipsBeforeVillagesAndHonoursLimit() {
        Response r = Api.as(Tokens.countyCadre()).queryParam("q", "堌阳").get("/api/regions/{code}/search", DemoData.COUNTY);
        assertEquals(200, r.statusCode(), r::asString);
        List<Integer> levels = r.jsonPath().getList("level", Integer.class);
        assertFalse(levels.isEmpty());
        assertEquals(levels.stream().sorted().toList(), levels, "nearest levels first");
        assertEquals(DemoData.TOWNSHIP, r.jsonPath().getString("[0].code"));

        Response limited = Api.as(Tokens.countyCadre()).queryParam("q", "村").queryParam("limit", 3)
                .get("/api/regions/{code}/search", DemoData.COUNTY);
        assertEquals(200, limited.statusCode(), limited::asString);
        assertEquals(3, limited.jsonPath().getList("code").size());
    }

    @Test
    void searchTreatsWildcardsLiterally() {
        Response r = Api.as(Tokens.countyCadre()).queryParam("q", "%").get("/api/regions/{code}/search", DemoData.COUNTY);
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals(List.of(), r.jsonPath().getList("code"));
    }

    @Test
    void searchWithoutQueryIsRefused() {
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.townshipCadre().token())
                .get("/api/regions/{code}/search", DemoData.TOWNSHIP), "q");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.townshipCadre().token())
                .queryParam("q", "任").queryParam("limit", 101)
                .get("/api/regions/{code}/search", DemoData.TOWNSHIP), "limit");
    }

    @Test
    void villageCadreSeesItsAncestorsButCannotBrowseThem() {
        Tokens.Principal village = Tokens.villageCadre();
        Api.as(village).get("/api/regions/{code}", DemoData.TOWNSHIP).then().statusCode(200);
        Api.as(village).get("/api/regions/{code}/path", DemoData.COUNTY).then().statusCode(200);
        assertProblem(Api.as(village).get("/api/regions/{code}/children", DemoData.TOWNSHIP), 404);
        assertProblem(Api.as(village).queryParam("q", "村").get("/api/regions/{code}/search", DemoData.TOWNSHIP), 404);
        // A sibling village of the same township is not an ancestor: not visible.
        String sibling = Api.as(Tokens.townshipCadre()).get("/api/regions/{code}/children", DemoData.TOWNSHIP)
                .jsonPath().getList("code", String.class).stream().filter(c -> !c.equals(RENZHUANG)).findFirst().orElseThrow();
        assertProblem(Api.as(village).get("/api/regions/{code}", sibling), 404);
    }

    @Test
    void cadreOfAnotherCountyGetsNotFoundForLankao() {
        Tokens.Principal other = Tokens.cadre(Role.COUNTY_CADRE, ZHONGYUAN);
        JsonPath p = assertProblem(Api.as(other).get("/api/regions/{code}", DemoData.COUNTY), 404);
        assertFalse(p.prettify().contains("兰考"), "no leak of the other region's name");
        assertProblem(Api.as(other).get("/api/regions/{code}/children", DemoData.COUNTY), 404);
        assertProblem(Api.as(other).get("/api/regions/{code}/path", RENZHUANG), 404);
        assertProblem(Api.as(other).queryParam("q", "任庄").get("/api/regions/{code}/search", DemoData.COUNTY), 404);
        // its own county works
        Api.as(other).get("/api/regions/{code}/children", ZHONGYUAN).then().statusCode(200);
    }

    @Test
    void invalidCodesAreRefusedWithTheField() {
        for (String bad : List.of("41022", "abc", "4102251012010", "000000000000")) {
            for (String suffix : List.of("", "/children", "/path")) {
                Response r = Api.unchecked().header("Authorization", "Bearer " + Tokens.townshipCadre().token())
                        .get("/api/regions/" + bad + suffix);
                assertInvalid(r, "code");
            }
        }
    }

    @Test
    void unknownCodeInsideScopeIsNotFound() {
        assertProblem(Api.as(Tokens.townshipCadre()).get("/api/regions/{code}", "410225101999"), 404);
        assertProblem(Api.as(Tokens.townshipCadre()).get("/api/regions/{code}/children", "410225101999"), 404);
    }

    @Test
    void clientWithRegionsReadBrowsesInsideItsRegion() {
        String token = Logins.clientAccessToken(DemoData.CLIENT_ID, DemoData.CLIENT_SECRET, "regions:read");
        Response r = Api.bearer(token).get("/api/regions/{code}/children", DemoData.TOWNSHIP);
        assertEquals(200, r.statusCode(), r::asString);
        assertTrue(r.jsonPath().getList("code", String.class).contains(RENZHUANG));
        assertProblem(Api.bearer(token).get("/api/regions/{code}/children", ZHONGYUAN), 404);
    }

    @Test
    void clientWithoutRegionsReadIsForbidden() {
        String token = Logins.clientAccessToken(DemoData.CLIENT_ID, DemoData.CLIENT_SECRET, "alerts:push");
        assertProblem(Api.bearer(token).get("/api/regions/{code}/children", DemoData.TOWNSHIP), 403);
        assertProblem(Api.bearer(token).get("/api/regions/{code}", DemoData.TOWNSHIP), 403);
    }

    @Test
    void farmerCannotBrowseButSeesItsOwnPath() {
        Tokens.Principal farmer = Tokens.demoFarmer();
        assertProblem(Api.as(farmer).get("/api/regions/{code}/children", RENZHUANG), 403);
        assertProblem(Api.as(farmer).queryParam("q", "任").get("/api/regions/{code}/search", DemoData.TOWNSHIP), 403);
        Api.as(farmer).get("/api/regions/{code}/path", RENZHUANG).then().statusCode(200);
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal township = Tokens.townshipCadre();
        Tokens.Principal otherTownship = Tokens.cadre(Role.TOWNSHIP_CADRE, ZHONGYUAN_TOWNSHIP);
        Tokens.Principal village = Tokens.villageCadre();
        Tokens.Principal clientNoScope = Tokens.demoClient("alerts:push");
        String marker = Fixtures.marker();
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/regions/" + RENZHUANG)
                        .accepts(township, 200)
                        .otherRegion(Tokens.cadre(Role.VILLAGE_CADRE, "410225101202"), 404)
                        .refuses("township of another county", otherTownship, 404)
                        .clientWithoutScope(clientNoScope, 403),
                SecurityMatrix.get("/api/regions/" + DemoData.TOWNSHIP + "/children")
                        .accepts(township, 200)
                        .wrongRole(Tokens.farmer(10, RENZHUANG, null), 403)
                        .otherRegion(otherTownship, 404)
                        .parentRegion(village, 404)
                        .clientWithoutScope(clientNoScope, 403),
                SecurityMatrix.get("/api/regions/" + RENZHUANG + "/path")
                        .accepts(village, 200)
                        .otherRegion(Tokens.cadre(Role.VILLAGE_CADRE, "410102001001"), 404)
                        .clientWithoutScope(clientNoScope, 403),
                SecurityMatrix.get("/api/regions/" + DemoData.TOWNSHIP + "/search?q=" + marker)
                        .accepts(township, 200)
                        .wrongRole(Tokens.farmer(10, RENZHUANG, null), 403)
                        .otherRegion(otherTownship, 404)
                        .parentRegion(village, 404)
                        .clientWithoutScope(clientNoScope, 403));
    }
}
