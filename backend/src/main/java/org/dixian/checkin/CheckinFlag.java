package org.dixian.checkin;

/** What the server noticed about a check-in; recorded, never a reason to refuse it. */
public enum CheckinFlag {
    /** The phone's clock differs from the server's by more than 10 minutes. */
    CLIENT_TIME_SKEW,
    /** Reaching this place from the caller's previous check-in would need more than 200 km/h. */
    IMPOSSIBLE_JUMP,
    /** The reported accuracy is worse than 500 m. */
    LOW_ACCURACY,
    /** The village has no geofence centre yet. */
    NO_GEOFENCE
}
