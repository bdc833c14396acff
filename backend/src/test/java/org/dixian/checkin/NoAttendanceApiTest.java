package org.dixian.checkin;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A province that does not record resident-team attendance (the production default). */
@QuarkusTest
@TestProfile(NoAttendanceApiTest.NotRecorded.class)
class NoAttendanceApiTest {
    public static class NotRecorded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dixian.checkins.provinces.41.record-attendance", "false");
        }
    }

    @Inject
    Clock clock;

    @Test
    void teamAttendanceCheckinsAreRefusedAndTheSummaryHasOnlyVoluntaryDutyDays() {
        Tokens.Principal resident = Tokens.account(7, Role.RESIDENT_CADRE, DemoData.VILLAGE);
        assertFalse(Api.as(resident).get("/api/checkins/rules").jsonPath().getBoolean("recordAttendance"));
        long teamId = Api.as(resident).get("/api/me/teams").jsonPath().getLong("[0].id");
        Map<String, Object> attendance = CheckinApiTest.checkin("TEAM_ATTENDANCE", "team:" + teamId, DemoData.VILLAGE,
                34.7589, 114.8873, 10);
        JsonPath p = assertProblem(CheckinApiTest.post(resident, attendance), 409);
        assertEquals("本省未要求记录驻村考勤", p.getString("detail"));
        Response duty = CheckinApiTest.post(resident, CheckinApiTest.checkin("DUTY_DAY", null, DemoData.VILLAGE, 34.7589, 114.8873, 10));
        assertEquals(201, duty.statusCode(), duty::asString);
        JsonPath sum = Api.as(resident).get("/api/teams/" + teamId + "/attendance").then().statusCode(200).extract().jsonPath();
        assertFalse(sum.getBoolean("recordAttendance"));
        assertEquals(0, sum.getInt("rows[0].expected"), "no days are expected where attendance is not recorded");
        assertEquals(1, sum.getInt("rows[0].recorded"), "the voluntary duty day");
    }
}
