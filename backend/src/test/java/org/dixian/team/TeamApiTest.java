package org.dixian.team;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resident teams: forming, members, leave (with check-ins during it) and the monthly attendance summary. */
@QuarkusTest
class TeamApiTest {
    static final double LAT = 34.70;
    static final double LON = 114.90;

    @Inject
    Clock clock;

    static Map<String, Object> team(String village, LocalDate start) {
        Map<String, Object> m = new HashMap<>();
        m.put("villageCode", village);
        m.put("startDate", start.toString());
        return m;
    }

    static Map<String, Object> member(long accountId, String role, LocalDate from) {
        Map<String, Object> m = new HashMap<>();
        m.put("accountId", accountId);
        m.put("teamRole", role);
        m.put("sendingUnit", "开封市农业农村局");
        m.put("dispatchFrom", from.toString());
        return m;
    }

    static Response create(Tokens.Principal p, Map<String, Object> body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post("/api/teams");
    }

    static long createdTeam(String village, LocalDate start) {
        Response r = create(Tokens.townshipCadre(), team(village, start));
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath().getLong("id");
    }

    static Response add(Tokens.Principal p, long teamId, Map<String, Object> body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post("/api/teams/" + teamId + "/members");
    }

    static long added(long teamId, long accountId, String role, LocalDate from) {
        Response r = add(Tokens.townshipCadre(), teamId, member(accountId, role, from));
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath().getList("members.findAll { it.accountId == " + accountId + " }.id", Long.class).get(0);
    }

    static Fixtures.CreatedAccount resident(String village) {
        return Fixtures.anAccount().role(Role.RESIDENT_CADRE).inRegion(village).create();
    }

    static Response checkIn(Tokens.Principal p, String task, String ref, String village, double lat) {
        Map<String, Object> b = new HashMap<>();
        b.put("task", task);
        if (ref != null) {
            b.put("taskRef", ref);
        }
        b.put("villageCode", village);
        b.put("latitude", lat);
        b.put("longitude", LON);
        b.put("accuracy", 10);
        if (Math.abs(lat - LAT) > 0.01) {
            b.put("fieldReason", "到县里办事");
        }
        return Api.as(p).contentType(ContentType.JSON).body(b).post("/api/checkins");
    }

    static void fence(String village) {
        Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON)
                .body(Map.of("latitude", LAT, "longitude", LON, "radiusMeters", 1000))
                .post("/api/villages/" + village + "/geofence").then().statusCode(200);
    }

    static Response requestLeave(Tokens.Principal p, long teamId, LocalDate from, LocalDate to) {
        return Api.as(p).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("from", from.toString(), "to", to.toString(), "reason", "家中有事"))
                .post("/api/teams/" + teamId + "/leaves");
    }

    static Response decide(Tokens.Principal p, long teamId, long leaveId, boolean approve, String comment) {
        Map<String, Object> b = new HashMap<>();
        b.put("approve", approve);
        if (comment != null) {
            b.put("comment", comment);
        }
        return Api.as(p).contentType(ContentType.JSON).body(b).post("/api/teams/" + teamId + "/leaves/" + leaveId + "/decide");
    }

    @Test
    void aTownshipFormsOneActiveTeamPerVillage() {
        String village = "410225101202";
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> body = team(village, today.minusDays(30));
        body.put("unitId", 987_654_321L);
        assertInvalid(create(Tokens.townshipCadre(), body), "unitId");
        body.remove("unitId");
        body.put("endDate", today.minusDays(31).toString());
        assertInvalid(create(Tokens.townshipCadre(), body), "endDate");
        body.remove("endDate");
        String key = UUID.randomUUID().toString();
        Response r = Api.as(Tokens.townshipCadre()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/teams");
        assertEquals(201, r.statusCode(), r::asString);
        JsonPath t = r.jsonPath();
        assertEquals("曹寨村", t.getString("villageName"));
        assertEquals(20, t.getInt("expectedDaysPerMonth"));
        assertEquals(List.of(), t.getList("members"));
        Response retry = Api.as(Tokens.townshipCadre()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/teams");
        assertEquals(t.getLong("id"), retry.jsonPath().getLong("id"), retry::asString);
        assertProblem(create(Tokens.townshipCadre(), team(village, today)), 409);
        assertProblem(create(Tokens.villageCadre(), team(DemoData.VILLAGE, today)), 403);
        assertProblem(create(Tokens.cadre(Role.TOWNSHIP_CADRE, "410225102000"), team(village, today)), 404);
        assertInvalid(create(Tokens.townshipCadre(), team(DemoData.TOWNSHIP, today)), "villageCode");
        List<Long> listed = Api.as(Tokens.countyCadre()).queryParam("region", DemoData.TOWNSHIP).get("/api/teams")
                .then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        assertTrue(listed.contains(t.getLong("id")));
        assertTrue(Api.as(Tokens.cadre(Role.TOWNSHIP_CADRE, "410225102000")).get("/api/teams").jsonPath()
                .getList("id", Long.class).stream().noneMatch(id -> id == t.getLong("id")));
    }

    @Test
    void membersAreResidentCadresOfTheVillageWithOneActiveDispatchEach() {
        String village = "410225101204";
        LocalDate today = LocalDate.now(clock);
        long teamId = createdTeam(village, today.minusDays(30));
        Fixtures.CreatedAccount a = resident(village);
        Fixtures.CreatedAccount elsewhere = resident("410225101205");
        Fixtures.CreatedAccount officer = Fixtures.anAccount().role(Role.INFO_OFFICER).inRegion(village).create();
        assertInvalid(add(Tokens.townshipCadre(), teamId, member(elsewhere.id(), "MEMBER", today)), "accountId");
        assertInvalid(add(Tokens.townshipCadre(), teamId, member(officer.id(), "MEMBER", today)), "accountId");
        assertInvalid(add(Tokens.townshipCadre(), teamId, member(999_999_999L, "MEMBER", today)), "accountId");
        assertInvalid(add(Tokens.townshipCadre(), teamId, member(a.id(), "MEMBER", today.minusDays(31))), "dispatchFrom");
        Map<String, Object> backwards = member(a.id(), "MEMBER", today);
        backwards.put("dispatchTo", today.minusDays(1).toString());
        assertInvalid(add(Tokens.townshipCadre(), teamId, backwards), "dispatchTo");
        assertProblem(add(Tokens.villageCadre().inRegion(village), teamId, member(a.id(), "MEMBER", today)), 403);
        long memberId = added(teamId, a.id(), "LEADER", today.minusDays(5));
        assertProblem(add(Tokens.townshipCadre(), teamId, member(a.id(), "MEMBER", today)), 409);
        // The member sees the team; /api/me/teams has it.
        Api.as(a.principal()).get("/api/teams/" + teamId).then().statusCode(200);
        assertEquals(List.of(teamId), Api.as(a.principal()).get("/api/me/teams").jsonPath().getList("id", Long.class));
        // Ending keeps the row with the date and reason; a second end is a conflict.
        Response ended = Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON)
                .body(Map.of("endDate", today.minusDays(1).toString(), "reason", "选派期满"))
                .post("/api/teams/" + teamId + "/members/" + memberId + "/end");
        assertEquals(200, ended.statusCode(), ended::asString);
        assertEquals(today.minusDays(1).toString(), ended.jsonPath().getString("members[0].endedOn"));
        assertEquals("选派期满", ended.jsonPath().getString("members[0].endReason"));
        assertProblem(Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON)
                .body(Map.of("endDate", today.toString(), "reason", "再次"))
                .post("/api/teams/" + teamId + "/members/" + memberId + "/end"), 409);
        assertEquals(List.of(), Api.as(a.principal()).get("/api/me/teams").jsonPath().getList("id", Long.class));
        // Free again: may be dispatched anew.
        added(teamId, a.id(), "MEMBER", today);
    }

    @Test
    void leaveWithCheckinsDuringItApprovalAndTheMonthlySummary() {
        String village = "410225101206";
        fence(village);
        LocalDate today = LocalDate.now(clock);
        long teamId = createdTeam(village, today.minusDays(40));
        Fixtures.CreatedAccount leader = resident(village);
        Fixtures.CreatedAccount worker = resident(village);
        Fixtures.CreatedAccount other = resident(village);
        added(teamId, leader.id(), "FIRST_SECRETARY", today.minusDays(10));
        long workerMember = added(teamId, worker.id(), "MEMBER", today.minusDays(10));

        // Team attendance check-ins: the member's own team only.
        Response att = checkIn(worker.principal(), "TEAM_ATTENDANCE", "team:" + teamId, village, LAT);
        assertEquals(201, att.statusCode(), att::asString);
        assertInvalid(checkIn(other.principal(), "TEAM_ATTENDANCE", "team:" + teamId, village, LAT), "taskRef");
        assertInvalid(checkIn(worker.principal(), "TEAM_ATTENDANCE", "team-" + teamId, village, LAT), "taskRef");
        assertInvalid(checkIn(worker.principal(), "TEAM_ATTENDANCE", null, village, LAT), "taskRef");
        assertEquals(201, checkIn(worker.principal(), "DUTY_DAY", null, village, LAT).statusCode());
        // The leader is out of the village all day: a 外勤 day.
        assertEquals(201, checkIn(leader.principal(), "TEAM_ATTENDANCE", "team:" + teamId, village, LAT + 0.1).statusCode());

        // Leave over the last three days, today included (checked in today).
        Response asked = requestLeave(worker.principal(), teamId, today.minusDays(2), today);
        assertEquals(201, asked.statusCode(), asked::asString);
        JsonPath leave = asked.jsonPath();
        assertEquals("PENDING", leave.getString("status"));
        assertEquals(3, leave.getInt("days"));
        assertEquals(List.of(today.toString()), leave.getList("checkedInDays"));
        assertProblem(requestLeave(worker.principal(), teamId, today, today.plusDays(1)), 409);
        assertInvalid(requestLeave(worker.principal(), teamId, today.minusDays(11), today.minusDays(11)), "from");
        assertInvalid(Api.as(worker.principal()).contentType(ContentType.JSON)
                .body(Map.of("from", today.toString(), "to", today.minusDays(1).toString(), "reason", "x"))
                .post("/api/teams/" + teamId + "/leaves"), "to");
        assertProblem(requestLeave(other.principal(), teamId, today, today), 403);
        // The leader was told.
        assertTrue(Api.as(leader.principal()).get("/api/me/notifications").jsonPath().getList("items.title", String.class)
                .contains("驻村队员请假待审批"));

        long leaveId = leave.getLong("id");
        assertProblem(decide(worker.principal(), teamId, leaveId, true, null), 403);
        assertInvalid(decide(leader.principal(), teamId, leaveId, false, " "), "comment");
        assertProblem(decide(Tokens.villageCadre().inRegion(village), teamId, leaveId, true, null), 403);
        Response approved = decide(leader.principal(), teamId, leaveId, true, "同意");
        assertEquals(200, approved.statusCode(), approved::asString);
        assertEquals("APPROVED", approved.jsonPath().getString("status"));
        assertTrue(approved.jsonPath().getString("decidedBy").contains("驻村干部"));
        assertNotNull(approved.jsonPath().getString("decidedAt"));
        assertProblem(decide(Tokens.townshipCadre(), teamId, leaveId, false, "重复审批"), 409);
        assertTrue(Api.as(worker.principal()).get("/api/me/notifications").jsonPath().getList("items.title", String.class)
                .contains("请假已批准"));

        // The leader's own leave: not by the leader, refused by the township with a reason.
        long own = requestLeave(leader.principal(), teamId, today.minusDays(1), today.minusDays(1)).jsonPath().getLong("id");
        assertProblem(decide(leader.principal(), teamId, own, true, null), 403);
        Response refused = decide(Tokens.townshipCadre(), teamId, own, false, "当天有评议会议");
        assertEquals("REFUSED", refused.jsonPath().getString("status"));
        assertEquals(List.of(leaveId), Api.as(Tokens.townshipCadre()).queryParam("status", "APPROVED")
                .get("/api/teams/" + teamId + "/leaves").jsonPath().getList("id", Long.class));

        // The summary: first secretary first, then the member; recorded days, leave days not recorded, 外勤 days.
        YearMonth month = YearMonth.now(clock);
        JsonPath sum = Api.as(Tokens.townshipCadre()).get("/api/teams/" + teamId + "/attendance")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(month.toString(), sum.getString("month"));
        assertTrue(sum.getBoolean("recordAttendance"));
        assertEquals(List.of("FIRST_SECRETARY", "MEMBER"), sum.getList("rows.teamRole"));
        LocalDate first = month.atDay(1);
        LocalDate from = today.minusDays(10).isBefore(first) ? first : today.minusDays(10);
        int dispatched = (int) java.time.temporal.ChronoUnit.DAYS.between(from, month.atEndOfMonth()) + 1;
        int expected = (int) Math.round(20.0 * dispatched / month.lengthOfMonth());
        assertEquals(expected, sum.getInt("rows[1].expected"));
        assertEquals(1, sum.getInt("rows[1].recorded"), "TEAM_ATTENDANCE and DUTY_DAY on one date count once");
        long leaveDaysThisMonth = Stream.of(today.minusDays(2), today.minusDays(1)).filter(d -> !d.isBefore(first)).count();
        assertEquals(leaveDaysThisMonth, sum.getInt("rows[1].onLeave"));
        assertEquals(0, sum.getInt("rows[1].fieldDays"));
        assertEquals(workerMember, sum.getLong("rows[1].memberId"));
        assertEquals(1, sum.getInt("rows[0].recorded"));
        assertEquals(1, sum.getInt("rows[0].fieldDays"));
        assertEquals(0, sum.getInt("rows[0].onLeave"), "a refused leave is not leave");
        // Members see their team's summary; a village worker of another village does not.
        Api.as(worker.principal()).get("/api/teams/" + teamId + "/attendance").then().statusCode(200);
        assertProblem(Api.as(Tokens.villageCadre()).get("/api/teams/" + teamId + "/attendance"), 404);
        JsonPath earlier = Api.as(worker.principal()).queryParam("month", "2020-01").get("/api/teams/" + teamId + "/attendance")
                .jsonPath();
        assertEquals(List.of(), earlier.getList("rows"));
    }

    @Test
    void proratedExpectedDays() {
        assertEquals(20, AttendanceService.expected(20, 30, 30));
        assertEquals(10, AttendanceService.expected(20, 15, 30));
        assertEquals(1, AttendanceService.expected(20, 1, 31));
        assertEquals(0, AttendanceService.expected(0, 31, 31));
    }
}
