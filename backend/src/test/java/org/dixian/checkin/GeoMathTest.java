package org.dixian.checkin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arithmetic of check-ins against known distances. */
class GeoMathTest {

    @Test
    void oneDegreeOfLatitudeIsAbout111Kilometres() {
        assertEquals(111_195, GeoMath.distanceMeters(34, 114, 35, 114), 5);
        assertEquals(111_195, GeoMath.distanceMeters(-0.5, 0, 0.5, 0), 5);
    }

    @Test
    void oneDegreeOfLongitudeShrinksWithTheCosineOfTheLatitude() {
        assertEquals(111_195, GeoMath.distanceMeters(0, 100, 0, 101), 5);
        assertEquals(111_195 * Math.cos(Math.toRadians(60)), GeoMath.distanceMeters(60, 10, 60, 11), 300);
    }

    @Test
    void beijingToShanghaiIsAbout1068Kilometres() {
        // Tiananmen (39.9042, 116.4074) to the People's Square (31.2304, 121.4737): about 1,067 km great-circle.
        assertEquals(1_067_000, GeoMath.distanceMeters(39.9042, 116.4074, 31.2304, 121.4737), 5_000);
    }

    @Test
    void samePointIsZeroAndAntipodesAreHalfTheCircumference() {
        assertEquals(0, GeoMath.distanceMeters(34.7589, 114.8873, 34.7589, 114.8873), 1e-6);
        assertEquals(Math.PI * GeoMath.EARTH_RADIUS_M, GeoMath.distanceMeters(0, 0, 0, 180), 1);
    }

    @Test
    void insideIsDistanceNotBeyondTheRadius() {
        assertTrue(GeoMath.inside(1500, 1500));
        assertTrue(GeoMath.inside(0, 100));
        assertFalse(GeoMath.inside(1500.1, 1500));
    }

    @Test
    void clientTimeSkewBeyondTenMinutes() {
        OffsetDateTime server = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        assertFalse(GeoMath.clientTimeSkewed(null, server));
        assertFalse(GeoMath.clientTimeSkewed(server.minusMinutes(10), server));
        assertTrue(GeoMath.clientTimeSkewed(server.minusMinutes(11), server));
        assertTrue(GeoMath.clientTimeSkewed(server.plusMinutes(11), server));
        assertFalse(GeoMath.clientTimeSkewed(server.withOffsetSameInstant(ZoneOffset.UTC), server), "same instant");
    }

    @Test
    void impossibleJumpAbove200KilometresAnHour() {
        assertFalse(GeoMath.impossibleJump(100_000, 0, 0, Duration.ofMinutes(31)), "100 km in 31 min = 194 km/h");
        assertTrue(GeoMath.impossibleJump(100_000, 0, 0, Duration.ofMinutes(29)), "100 km in 29 min = 207 km/h");
        assertFalse(GeoMath.impossibleJump(3_000, 0, 0, Duration.ZERO), "3 km at once counts as a minute: 180 km/h");
        assertTrue(GeoMath.impossibleJump(4_000, 0, 0, Duration.ZERO));
        assertFalse(GeoMath.impossibleJump(4_000, 500, 600, Duration.ZERO), "accuracy absorbs the difference");
    }

    @Test
    void flagsTogether() {
        OffsetDateTime now = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        GeoMath.Position before = new GeoMath.Position(34, 114, 10, now.minusMinutes(5));
        assertEquals(Set.of(CheckinFlag.CLIENT_TIME_SKEW, CheckinFlag.IMPOSSIBLE_JUMP, CheckinFlag.LOW_ACCURACY,
                CheckinFlag.NO_GEOFENCE), GeoMath.flags(501, false, now.minusHours(1), now, before, 35, 114));
        assertEquals(Set.of(), GeoMath.flags(500, true, now, now, before, 34.001, 114));
        assertEquals(Set.of(), GeoMath.flags(20, true, null, now, null, 35, 114));
    }
}
