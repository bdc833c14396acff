package org.dixian.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Fixtures.CreatedHousehold;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.dixian.testing.Fixtures.aHousehold;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detail cache answers only what the database would: same visibility, same audit, fresh after a change. */
@QuarkusTest
class DetailCacheApiTest {
    @Inject
    DetailCache cache;

    @Inject
    Pool pool;

    /** A household old enough to be cached (the test profile's hot period is 0.3 s), already read once. */
    private CreatedHousehold cachedHousehold() throws InterruptedException {
        CreatedHousehold h = aHousehold().create();
        Thread.sleep(400);
        assertEquals(200, Api.as(Tokens.villageCadre()).get("/api/households/{id}", h.id()).statusCode());
        assertTrue(cache.contains(h.id()), "the first read keeps the detail");
        return h;
    }

    @Test
    void aCachedHouseholdIsStillOnlyVisibleInScope() throws InterruptedException {
        CreatedHousehold h = cachedHousehold();
        assertProblem(Api.as(Tokens.cadre(Role.COUNTY_CADRE, "410102000000")).get("/api/households/{id}", h.id()), 404);
        assertProblem(Api.as(Tokens.cadre(Role.VILLAGE_CADRE, "410225101200")).get("/api/households/{id}", h.id()), 404);
        assertProblem(Api.as(Tokens.farmer(990_001L, DemoData.VILLAGE, h.id() + 1)).get("/api/households/{id}", h.id()), 404);
        assertEquals(200, Api.as(Tokens.countyCadre()).get("/api/households/{id}", h.id()).statusCode());
        assertEquals(200, Api.as(Tokens.farmer(990_002L, DemoData.VILLAGE, h.id())).get("/api/households/{id}", h.id()).statusCode());
        assertTrue(cache.contains(h.id()));
    }

    @Test
    void everyCadreReadOfACachedHouseholdIsLogged() throws InterruptedException {
        CreatedHousehold h = cachedHousehold();
        long before = views(h.id());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Api.as(Tokens.townshipCadre()).get("/api/households/{id}", h.id()).statusCode());
        }
        assertEquals(200, Api.as(Tokens.farmer(990_003L, DemoData.VILLAGE, h.id())).get("/api/households/{id}", h.id()).statusCode());
        assertEquals(before + 3, views(h.id()), "three cadre reads, three records; the farmer's own read is not one");
        Response viewers = Api.as(Tokens.farmer(990_003L, DemoData.VILLAGE, h.id())).get("/api/households/{id}/viewers", h.id());
        assertTrue(viewers.jsonPath().getList("actorRole").contains("TOWNSHIP_CADRE"), viewers::asString);
    }

    @Test
    void aChangeIsSeenAtOnce() throws InterruptedException {
        CreatedHousehold h = cachedHousehold();
        String address = "新地址" + Fixtures.marker();
        Response r = Api.as(Tokens.villageCadre()).contentType("application/json")
                .body(Map.of("version", h.version(), "reason", "搬迁", "address", address))
                .patch("/api/households/{id}", h.id());
        assertEquals(200, r.statusCode(), r::asString);
        assertFalse(cache.contains(h.id()), "the change's event drops the cached detail");
        Response after = Api.as(Tokens.countyCadre()).get("/api/households/{id}", h.id());
        assertEquals(address, after.jsonPath().getString("address"));
        assertEquals(h.version() + 1, after.jsonPath().getInt("version"));

        Response deleted = Api.as(Tokens.villageCadre()).contentType("application/json")
                .body(Map.of("reason", "重复登记")).post("/api/households/{id}/delete", h.id());
        assertEquals(204, deleted.statusCode(), deleted::asString);
        assertProblem(Api.as(Tokens.countyCadre()).get("/api/households/{id}", h.id()), 404);
    }

    private long views(long householdId) {
        return pool.preparedQuery("select count(*) from household_access where household_id = $1 and kind = 'VIEW'")
                .execute(Tuple.of(householdId)).await().indefinitely().iterator().next().getLong(0);
    }
}
