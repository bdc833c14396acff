package org.dixian.checkin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Check-ins: inside and outside the geofence, no geofence, once per work and day, flags, and whose they are. */
@QuarkusTest
class CheckinApiTest {
    /** 吕堂村, 堌阳镇: its geofence is set by these tests. */
    static final String VILLAGE = "410225101203";
    /** 岳寨村, 堌阳镇: never given a geofence. */
    static final String UNFENCED = "410225101207";
    static final double LAT = 34.70;
    static final double LON = 114.90;

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    static Map<String, Object> checkin(String task, String ref, String village, double lat, double lon, double accuracy) {
        Map<String, Object> m = new HashMap<>();
        m.put("task", task);
        if (ref != null) {
            m.put("taskRef", ref);
        }
        m.put("villageCode", village);
        m.put("latitude", lat);
        m.put("longitude", lon);
        m.put("accuracy", accuracy);
        return m;
    }

    static Response post(Tokens.Principal p, Map<String, Object> body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post("/api/checkins");
    }

    static JsonPath created(Tokens.Principal p, Map<String, Object> body) {
        Response r = post(p, body);
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    static Tokens.Principal freshCadre(Role role, String region) {
        return Fixtures.anAccount().role(role).inRegion(region).create().principal();
    }

    static void fence(String village, double lat, double lon, int radius) {
        Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON)
                .body(Map.of("latitude", lat, "longitude", lon, "radiusMeters", radius))
                .post("/api/villages/" + village + "/geofence").then().statusCode(200);
    }

    long rows(long accountId) {
        return OnVertxCount.count(pool, accountId);
    }

    @Test
    void insideTheGeofenceWithServerTimeAndBeijingDate() {
        fence(VILLAGE, LAT, LON, 1000);
        Tokens.Principal me = freshCadre(Role.INFO_OFFICER, VILLAGE);
        Map<String, Object> body = checkin("HOME_VISIT", "household:" + Fixtures.marker(), VILLAGE, LAT + 0.005, LON, 15);
        body.put("clientTime", OffsetDateTime.now(clock).toString());
        JsonPath c = created(me, body);
        assertTrue(c.getBoolean("inside"));
        assertEquals(556, c.getDouble("distanceMeters"), 2);
        assertEquals(LocalDate.now(clock).toString(), c.getString("date"));
        assertEquals(List.of(), c.getList("flags"));
        assertEquals("吕堂村", c.getString("villageName"));
        OffsetDateTime at = OffsetDateTime.parse(c.getString("at"));
        assertTrue(Math.abs(java.time.Duration.between(at, OffsetDateTime.now(clock)).toSeconds()) < 60, "server time");
    }

    @Test
    void outsideNeedsAFieldReasonAndIsRecordedAsFieldWorkWithOne() {
        fence(VILLAGE, LAT, LON, 1000);
        Tokens.Principal me = freshCadre(Role.VILLAGE_CADRE, VILLAGE);
        Map<String, Object> body = checkin("REVIEW_MEETING", "case:" + Fixtures.marker(), VILLAGE, LAT + 0.02, LON, 20);
        JsonPath p = assertInvalid(post(me, body), "fieldReason");
        assertEquals("不在村范围内，请填写外勤原因", p.getString("detail"));
        body.put("fieldReason", "   ");
        assertInvalid(post(me, body), "fieldReason");
        assertEquals(0, rows(Long.parseLong(me.subject())));
        body.put("fieldReason", "在镇上参加评议会议");
        JsonPath c = created(me, body);
        assertFalse(c.getBoolean("inside"));
        assertEquals(2224, c.getDouble("distanceMeters"), 3);
        assertEquals("在镇上参加评议会议", c.getString("fieldReason"));
    }

    @Test
    void withoutAGeofenceInsideIsUnknownAndNoReasonIsNeeded() {
        Tokens.Principal me = freshCadre(Role.INFO_OFFICER, UNFENCED);
        JsonPath c = created(me, checkin("OTHER", null, UNFENCED, 10, 10, 30));
        assertNull(c.get("inside"));
        assertNull(c.get("distanceMeters"));
        assertEquals(List.of("NO_GEOFENCE"), c.getList("flags"));
        JsonPath g = Api.as(me).get("/api/villages/" + UNFENCED + "/geofence").then().statusCode(200).extract().jsonPath();
        assertNull(g.get("latitude"));
        assertEquals(1500, g.getInt("radiusMeters"));
    }

    @Test
    void theSameWorkOnTheSameDayIsRecordedOnce() {
        fence(VILLAGE, LAT, LON, 1000);
        Tokens.Principal me = freshCadre(Role.INFO_OFFICER, VILLAGE);
        long account = Long.parseLong(me.subject());
        String ref = "household:" + Fixtures.marker();
        long first = created(me, checkin("HOME_VISIT", ref, VILLAGE, LAT, LON, 10)).getLong("id");
        Response again = post(me, checkin("HOME_VISIT", ref, VILLAGE, LAT + 0.001, LON, 12));
        assertEquals(200, again.statusCode(), again::asString);
        assertEquals(first, again.jsonPath().getLong("id"));
        assertEquals(1, rows(account));
        // No reference counts as one piece of work too.
        long duty = created(me, checkin("DUTY_DAY", null, VILLAGE, LAT, LON, 10)).getLong("id");
        Map<String, Object> blank = checkin("DUTY_DAY", "  ", VILLAGE, LAT, LON, 10);
        Response same = post(me, blank);
        assertEquals(200, same.statusCode(), same::asString);
        assertEquals(duty, same.jsonPath().getLong("id"));
        // Another piece of work the same day is its own check-in.
        created(me, checkin("HOME_VISIT", ref + "-2", VILLAGE, LAT, LON, 10));
        assertEquals(3, rows(account));
    }

    @Test
    void anIdempotencyKeyAnswersTheSameRecord() {
        fence(VILLAGE, LAT, LON, 1000);
        Tokens.Principal me = freshCadre(Role.INFO_OFFICER, VILLAGE);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = checkin("HOME_VISIT", "household:" + Fixtures.marker(), VILLAGE, LAT, LON, 10);
        Response r1 = Api.as(me).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/checkins");
        assertEquals(201, r1.statusCode(), r1::asString);
        Response r2 = Api.as(me).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/checkins");
        assertEquals(200, r2.statusCode(), r2::asString);
        assertEquals(r1.jsonPath().getLong("id"), r2.jsonPath().getLong("id"));
        assertEquals(1, rows(Long.parseLong(me.subject())));
    }

    @Test
    void flagsAreRecordedNotRefused() {
        fence(VILLAGE, LAT, LON, 1000);
        Tokens.Principal me = freshCadre(Role.INFO_OFFICER, VILLAGE);
        Map<String, Object> skewed = checkin("HOME_VISIT", "household:" + Fixtures.marker(), VILLAGE, LAT, LON, 800);
        skewed.put("clientTime", OffsetDateTime.now(clock).minusHours(1).toString());
        assertEquals(List.of("CLIENT_TIME_SKEW", "LOW_ACCURACY"), created(me, skewed).getList("flags"));
        // A minute later, a degree of latitude away: 111 km in well under 30 minutes.
        Map<String, Object> far = checkin("OTHER", null, VILLAGE, LAT + 1, LON, 10);
        far.put("fieldReason", "赴省城开会");
        JsonPath jump = created(me, far);
        assertEquals(List.of("IMPOSSIBLE_JUMP"), jump.getList("flags"));
        assertFalse(jump.getBoolean("inside"));
    }

    @Test
    void myCheckinsAreOnlyMineAndByMonth() {
        fence(VILLAGE, LAT, LON, 1000);
        Tokens.Principal me = freshCadre(Role.INFO_OFFICER, VILLAGE);
        Tokens.Principal other = freshCadre(Role.INFO_OFFICER, VILLAGE);
        long mine = created(me, checkin("HOME_VISIT", "household:" + Fixtures.marker(), VILLAGE, LAT, LON, 10)).getLong("id");
        long second = created(me, checkin("DUTY_DAY", null, VILLAGE, LAT, LON, 10)).getLong("id");
        long theirs = created(other, checkin("HOME_VISIT", "household:" + Fixtures.marker(), VILLAGE, LAT, LON, 10)).getLong("id");
        JsonPath list = Api.as(me).get("/api/me/checkins").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(mine, second), list.getList("id", Long.class), "own, in time order");
        assertEquals(List.of(Long.parseLong(me.subject())), list.getList("accountId", Long.class).stream().distinct().toList());
        assertFalse(list.getList("id", Long.class).contains(theirs));
        String month = java.time.YearMonth.now(clock).toString();
        assertEquals(2, Api.as(me).queryParam("month", month).get("/api/me/checkins").jsonPath().getList("id").size());
        assertEquals(0, Api.as(me).queryParam("month", "2020-01").get("/api/me/checkins").jsonPath().getList("id").size());
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + me.token()).queryParam("month", "2026-13")
                .get("/api/me/checkins"), "month");
        // One check-in is the owner's, and the township's as evidence; not another village worker's.
        Api.as(me).get("/api/checkins/" + mine).then().statusCode(200);
        Api.as(Tokens.townshipCadre()).get("/api/checkins/" + mine).then().statusCode(200);
        assertProblem(Api.as(other).get("/api/checkins/" + mine), 404);
        assertProblem(Api.as(Tokens.villageCadre()).get("/api/checkins/" + mine), 404);
    }

    @Test
    void onlyCadresCheckInAndOnlyInTheirOwnVillages() {
        Map<String, Object> body = checkin("HOME_VISIT", null, VILLAGE, LAT, LON, 10);
        assertProblem(post(Tokens.demoFarmer(), body), 403);
        assertProblem(post(Tokens.countyManager(), body), 403);
        Tokens.Principal elsewhere = freshCadre(Role.INFO_OFFICER, DemoData.VILLAGE);
        assertProblem(post(elsewhere, body), 404);
        assertInvalid(post(freshCadre(Role.TOWNSHIP_CADRE, DemoData.TOWNSHIP), checkin("HOME_VISIT", null, DemoData.TOWNSHIP, LAT, LON, 10)),
                "villageCode");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + elsewhere.token()).contentType(ContentType.JSON)
                .body(checkin("HOME_VISIT", null, DemoData.VILLAGE, 91, LON, 10)).post("/api/checkins"), "latitude");
    }

    @Test
    void checkinsCannotBeChangedOrDeleted() {
        Tokens.Principal me = freshCadre(Role.INFO_OFFICER, UNFENCED);
        long id = created(me, checkin("OTHER", "x:" + Fixtures.marker(), UNFENCED, 1, 1, 1)).getLong("id");
        assertThrows(RuntimeException.class, () -> OnVertxCount.exec(pool, "update checkin set accuracy = 0 where id = $1", id));
        assertThrows(RuntimeException.class, () -> OnVertxCount.exec(pool, "delete from checkin where id = $1", id));
    }

    @Test
    void geofenceChangesKeepTheirHistory() {
        String village = "410225101208";
        fence(village, LAT, LON, 800);
        fence(village, LAT + 0.01, LON, 1200);
        JsonPath g = Api.as(Tokens.villageCadre().inRegion(village)).get("/api/villages/" + village + "/geofence")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1200, g.getInt("radiusMeters"));
        assertEquals(LAT + 0.01, g.getDouble("latitude"), 1e-9);
        assertTrue(OnVertxCount.versions(pool, village) >= 2);
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.townshipCadre().token())
                .contentType(ContentType.JSON).body(Map.of("latitude", LAT, "longitude", LON, "radiusMeters", 50))
                .post("/api/villages/" + village + "/geofence"), "radiusMeters");
        assertInvalid(Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON)
                .body(Map.of("latitude", LAT, "longitude", LON, "radiusMeters", 500))
                .post("/api/villages/" + DemoData.TOWNSHIP + "/geofence"), "code");
    }

    @Test
    void rulesOfTheProvince() {
        JsonPath r = Api.as(Tokens.villageCadre()).get("/api/checkins/rules").then().statusCode(200).extract().jsonPath();
        assertTrue(r.getBoolean("recordAttendance"), "河南 records attendance in the test profile");
        assertEquals(1500, r.getInt("defaultRadiusMeters"));
        assertEquals(20, r.getInt("expectedDaysPerMonth"));
        assertProblem(Api.as(Tokens.demoFarmer()).get("/api/checkins/rules"), 403);
    }
}
