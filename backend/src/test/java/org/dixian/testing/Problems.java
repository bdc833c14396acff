package org.dixian.testing;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on RFC 9457 problem answers. */
public final class Problems {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private Problems() {
    }

    /**
     * Asserts an application/problem+json answer with the given status, a Chinese title and detail, a stable
     * type URI and nothing internal (no exception names, no stack frames); returns its body.
     */
    public static JsonPath assertProblem(Response r, int status) {
        String body = r.asString();
        assertEquals(status, r.statusCode(), () -> "status; body: " + body);
        String contentType = r.contentType();
        assertNotNull(contentType, "content type");
        assertTrue(contentType.startsWith("application/problem+json"), () -> "content type " + contentType + "; body: " + body);
        JsonPath json = r.jsonPath();
        assertEquals(status, json.getInt("status"), "problem status");
        String title = json.getString("title");
        assertNotNull(title, "problem title");
        assertTrue(HAN.matcher(title).find(), () -> "title not Chinese: " + title);
        String detail = json.getString("detail");
        if (detail != null) {
            assertTrue(HAN.matcher(detail).find(), () -> "detail not Chinese: " + detail);
        }
        assertTrue(json.getString("type").startsWith("https://dixian.dev/problems/"), () -> "type " + json.getString("type"));
        assertNoLeak(body);
        return json;
    }

    /** Asserts a 400 validation problem that names (at least) these fields in errors[]. */
    public static JsonPath assertInvalid(Response r, String... fields) {
        JsonPath json = assertProblem(r, 400);
        List<String> named = json.getList("errors.field", String.class);
        assertNotNull(named, () -> "errors[] missing: " + r.asString());
        for (String f : fields) {
            assertTrue(named.contains(f), () -> "errors[] should name " + f + ": " + r.asString());
        }
        for (Object message : json.getList("errors.message")) {
            assertTrue(HAN.matcher(String.valueOf(message)).find(), () -> "field message not Chinese: " + message);
        }
        return json;
    }

    public static void assertNoLeak(String body) {
        assertFalse(body.contains("Exception"), () -> "leaks an exception: " + body);
        assertFalse(body.contains("\tat ") || body.contains(".java:"), () -> "leaks a stack trace: " + body);
        assertFalse(body.toLowerCase().contains("sql"), () -> "leaks SQL: " + body);
    }
}
