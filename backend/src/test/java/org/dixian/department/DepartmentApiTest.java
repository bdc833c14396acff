package org.dixian.department;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Fixtures.CreatedClient;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The department registry: who registers where, what a department's system must be, and who sees which. */
@QuarkusTest
class DepartmentApiTest {
    /** 郑州市中原区: a county of another city, outside 开封市. */
    static final String OTHER_COUNTY = "410102000000";

    @Inject
    Pool pool;

    static Map<String, Object> department(String name, String region) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("kind", "CIVIL_AFFAIRS");
        m.put("regionCode", region);
        m.put("contactPhone", "0371-26981234");
        return m;
    }

    static Response create(Tokens.Principal p, Map<String, Object> body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post("/api/departments");
    }

    /** Registers a department (201) and answers it. */
    static JsonPath created(Tokens.Principal p, Map<String, Object> body) {
        Response r = create(p, body);
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    static List<String> seen(Tokens.Principal p, String region) {
        var spec = Api.as(p);
        if (region != null) {
            spec = spec.queryParam("region", region);
        }
        Response r = spec.get("/api/departments");
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath().getList("name", String.class);
    }

    @Test
    void aCountyCadreRegistersADepartmentOnceWithItsHistory() {
        String name = "兰考县医疗保障局" + Fixtures.marker();
        Map<String, Object> body = department(name, DemoData.COUNTY);
        body.put("kind", "MEDICAL_INSURANCE");
        JsonPath d = created(Tokens.countyCadre(), body);
        assertEquals(name, d.getString("name"));
        assertEquals("MEDICAL_INSURANCE", d.getString("kind"));
        assertEquals(DemoData.COUNTY, d.getString("regionCode"));
        assertEquals("兰考县", d.getString("regionName"));
        assertEquals("0371-26981234", d.getString("contactPhone"));
        assertNull(d.get("clientId"));
        long id = d.getLong("id");

        Row event = pool.preparedQuery("select type, actor_id, actor_role, actor_region, data->>'name' as name "
                        + "from department_event where department_id = $1").execute(Tuple.of(id)).await().indefinitely().iterator().next();
        assertEquals("CREATED", event.getString("type"));
        assertEquals(3L, event.getLong("actor_id"));
        assertEquals("COUNTY_CADRE", event.getString("actor_role"));
        assertEquals(DemoData.COUNTY, event.getString("actor_region"));
        assertEquals(name, event.getString("name"));

        // The same name at the same region is one department; at another region it is another.
        assertEquals("该区划已有同名部门", assertProblem(create(Tokens.countyManager(), body), 409).getString("detail"));
        body.put("name", " " + name + " ");
        assertProblem(create(Tokens.countyCadre(), body), 409);
        body.put("regionCode", DemoData.CITY);
        created(Tokens.cadre(Role.CITY_CADRE, DemoData.CITY), body);
        assertEquals(1L, pool.preparedQuery("select count(*) from department where name = $1 and region_code = $2")
                .execute(Tuple.of(name, DemoData.COUNTY)).await().indefinitely().iterator().next().getLong(0));
    }

    @Test
    void badRegistrationsNameTheField() {
        Tokens.Principal county = Tokens.countyCadre();
        // Below a county: 400 on regionCode.
        assertEquals("部门须登记在县级及以上区划",
                assertInvalid(create(county, department("镇民政所" + Fixtures.marker(), DemoData.TOWNSHIP)), "regionCode").getString("detail"));
        // Outside the caller's region: refused.
        assertProblem(create(county, department("民政局" + Fixtures.marker(), OTHER_COUNTY)), 403);
        assertProblem(create(county, department("民政局" + Fixtures.marker(), DemoData.CITY)), 403);
        // A county code that does not exist.
        assertInvalid(create(Tokens.provinceCadre(), department("民政局" + Fixtures.marker(), "419900000000")), "regionCode");
        Map<String, Object> noName = department(" ", DemoData.COUNTY);
        assertInvalid(create(county, noName), "name");
        Map<String, Object> badKind = department("民政局" + Fixtures.marker(), DemoData.COUNTY);
        badKind.put("kind", "TAX");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + county.token()).contentType(ContentType.JSON)
                .body(badKind).post("/api/departments"), "kind");
        Map<String, Object> badPhone = department("民政局" + Fixtures.marker(), DemoData.COUNTY);
        badPhone.put("contactPhone", "电话");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + county.token()).contentType(ContentType.JSON)
                .body(badPhone).post("/api/departments"), "contactPhone");
        assertEquals(0L, pool.preparedQuery("select count(*) from department where region_code = $1")
                .execute(Tuple.of(DemoData.TOWNSHIP)).await().indefinitely().iterator().next().getLong(0));
    }

    @Test
    void theSystemNamedMustBeAnActiveTicketHandlerCoveringTheDepartment() {
        Tokens.Principal county = Tokens.countyCadre();
        Map<String, Object> body = department("兰考县残联" + Fixtures.marker(), DemoData.COUNTY);
        body.put("kind", "DISABLED_FEDERATION");

        body.put("clientId", "dx-no-such-client");
        assertInvalid(create(county, body), "clientId");
        CreatedClient pushOnly = Fixtures.aClient().scopes("tickets:push").create();
        body.put("clientId", pushOnly.clientId());
        assertTrue(assertInvalid(create(county, body), "clientId").getString("detail").contains("tickets:handle"));
        CreatedClient township = Fixtures.aClient().inRegion(DemoData.TOWNSHIP).scopes("tickets:handle").create();
        body.put("clientId", township.clientId());
        assertInvalid(create(county, body), "clientId");
        CreatedClient elsewhere = Fixtures.aClient().by(Tokens.provinceManager()).inRegion(OTHER_COUNTY).scopes("tickets:handle").create();
        body.put("clientId", elsewhere.clientId());
        assertInvalid(create(county, body), "clientId");
        CreatedClient disabled = Fixtures.aClient().scopes("tickets:handle").create();
        pool.preparedQuery("update api_client set status = 'DISABLED' where client_id = $1").execute(Tuple.of(disabled.clientId()))
                .await().indefinitely();
        body.put("clientId", disabled.clientId());
        assertInvalid(create(county, body), "clientId");

        // A system of the city covers the county's department.
        CreatedClient city = Fixtures.aClient().by(Tokens.provinceManager()).inRegion(DemoData.CITY).scopes("tickets:handle").create();
        body.put("clientId", city.clientId());
        assertEquals(city.clientId(), created(county, body).getString("clientId"));
    }

    @Test
    void cadresSeeTheirRegionsDepartmentsAndThoseAboveThem() {
        String m = Fixtures.marker();
        String county = created(Tokens.countyCadre(), department("县民政局" + m, DemoData.COUNTY)).getString("name");
        String city = created(Tokens.cadre(Role.CITY_CADRE, DemoData.CITY), department("市民政局" + m, DemoData.CITY)).getString("name");
        String province = created(Tokens.provinceCadre(), department("省民政厅" + m, DemoData.PROVINCE)).getString("name");
        String elsewhere = created(Tokens.provinceCadre(), department("中原区民政局" + m, OTHER_COUNTY)).getString("name");

        List<String> byTownship = seen(Tokens.townshipCadre(), null);
        assertTrue(byTownship.containsAll(List.of(county, city, province, DemoData.DEPARTMENT)), byTownship::toString);
        assertFalse(byTownship.contains(elsewhere));
        List<String> byVillage = seen(Tokens.villageCadre(), null);
        assertTrue(byVillage.containsAll(List.of(county, city, province)), byVillage::toString);
        assertFalse(byVillage.contains(elsewhere));
        List<String> byCity = seen(Tokens.cadre(Role.CITY_CADRE, DemoData.CITY), null);
        assertTrue(byCity.containsAll(List.of(county, city, province)));
        assertFalse(byCity.contains(elsewhere));
        assertTrue(seen(Tokens.provinceCadre(), null).containsAll(List.of(county, city, province, elsewhere)));
        assertTrue(seen(Tokens.countyManager(), null).contains(county));

        // A region within the caller's: that region's view; outside it, refused on the field.
        List<String> fromTownship = seen(Tokens.countyCadre(), DemoData.TOWNSHIP);
        assertTrue(fromTownship.containsAll(List.of(county, city, province)));
        List<String> fromOther = seen(Tokens.provinceCadre(), OTHER_COUNTY);
        assertTrue(fromOther.containsAll(List.of(province, elsewhere)));
        assertFalse(fromOther.contains(county));
        assertFalse(fromOther.contains(city));
        assertInvalid(Api.as(Tokens.countyCadre()).queryParam("region", OTHER_COUNTY).get("/api/departments"), "region");
        assertInvalid(Api.as(Tokens.townshipCadre()).queryParam("region", DemoData.COUNTY).get("/api/departments"), "region");

        // The demo's 民政局 names its system.
        Map<String, Object> demo = Api.as(Tokens.townshipCadre()).get("/api/departments").jsonPath().<Map<String, Object>>getList("$")
                .stream().filter(d -> DemoData.DEPARTMENT.equals(d.get("name"))).findFirst().orElseThrow();
        assertEquals(DemoData.DEPARTMENT_CLIENT_ID, demo.get("clientId"));
        assertEquals("兰考县", demo.get("regionName"));
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Map<String, Object> taken = department("安全矩阵民政局" + Fixtures.marker(), DemoData.COUNTY);
        created(Tokens.countyCadre(), taken);
        Tokens.Principal client = Tokens.client(DemoData.DEPARTMENT_CLIENT_ID, DemoData.COUNTY, "tickets:handle");
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/departments")
                        .accepts(Tokens.townshipCadre(), 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .refuses("client", client, 403),
                SecurityMatrix.get("/api/departments?region=" + DemoData.TOWNSHIP)
                        .accepts(Tokens.countyCadre(), 200)
                        .otherRegion(Tokens.cadre(Role.COUNTY_CADRE, OTHER_COUNTY), 400)
                        .parentRegion(Tokens.villageCadre(), 400),
                // A second registration of the same name proves the caller got through (409) without a new row.
                SecurityMatrix.post("/api/departments", taken)
                        .accepts(Tokens.countyCadre(), 409)
                        .wrongRole(Tokens.townshipCadre(), 403)
                        .wrongRole(Tokens.villageCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .refuses("client", client, 403)
                        .otherRegion(Tokens.cadre(Role.COUNTY_CADRE, OTHER_COUNTY), 403)
                        .otherRegion(Tokens.account(900_001, Role.ACCOUNT_MANAGER, OTHER_COUNTY), 403));
    }
}
