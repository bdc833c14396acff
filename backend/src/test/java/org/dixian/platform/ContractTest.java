package org.dixian.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * openapi/openapi.yaml is the contract: the spec the running backend serves at /q/openapi (generated from
 * the code) must agree with it on paths, methods, parameters, request and success-response bodies, and
 * every schema's properties, types and enum values. Error answers are checked by validating real
 * responses against the file in the API tests.
 */
@QuarkusTest
class ContractTest {
    /** Described only in the file: the problem body (written by ProblemMappers) and the OAuth form. */
    private static final Set<String> FILE_ONLY_SCHEMAS = Set.of("Problem", "FieldError", "RowError", "ClientTokenForm");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private JsonNode file;
    private JsonNode served;

    @BeforeEach
    void load() throws IOException {
        file = new ObjectMapper(new YAMLFactory()).readTree(new File(System.getProperty("dixian.openapi-file",
                "../openapi/openapi.yaml")));
        served = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
    }

    @Test
    void pathsAndOperationsAgree() {
        assertEquals(operations(file), operations(served), "operations (path, method, parameters, bodies, success codes)");
    }

    @Test
    void schemasAgree() {
        Map<String, String> fromFile = schemas(file);
        Map<String, String> fromCode = schemas(served);
        List<String> problems = new ArrayList<>();
        for (var e : fromCode.entrySet()) {
            if (!e.getValue().equals(fromFile.get(e.getKey()))) {
                problems.add("schema " + e.getKey() + "\n  code: " + e.getValue() + "\n  file: " + fromFile.get(e.getKey()));
            }
        }
        for (String name : fromFile.keySet()) {
            if (!fromCode.containsKey(name) && !FILE_ONLY_SCHEMAS.contains(name)) {
                problems.add("schema " + name + " is in the file but not served by the code");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void formOfTheTokenEndpointMatchesClientTokenForm() {
        JsonNode form = served.at("/paths/~1auth~1token/post/requestBody/content/application~1x-www-form-urlencoded/schema");
        assertEquals(signature(file, file.at("/components/schemas/ClientTokenForm"), true),
                signature(served, form, true));
    }

    /** "METHOD path | params | request | responses" for every operation, sorted. */
    private static Set<String> operations(JsonNode doc) {
        Set<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Set<String> params = new TreeSet<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode r = resolve(doc, p);
                    params.add(r.path("in").asText() + ":" + r.path("name").asText());
                }
                Set<String> bodies = new TreeSet<>();
                op.getValue().path("requestBody").path("content").fields().forEachRemaining(c ->
                        bodies.add(c.getKey() + "=" + (c.getKey().contains("form") ? "form" : signature(doc, c.getValue().path("schema"), false))));
                Set<String> responses = new TreeSet<>();
                op.getValue().path("responses").fields().forEachRemaining(r -> {
                    if (r.getKey().startsWith("2")) {
                        JsonNode schema = resolve(doc, r.getValue()).path("content").path("application/json").path("schema");
                        responses.add(r.getKey() + "=" + (schema.isMissingNode() ? "-" : signature(doc, schema, false)));
                    }
                });
                out.add(op.getKey().toUpperCase() + " " + path.getKey() + " | " + params + " | " + bodies + " | " + responses);
            }
        }
        return out;
    }

    /** Object and enum schemas by name, as signatures; simple named types (e.g. OffsetDateTime) are inlined. */
    private static Map<String, String> schemas(JsonNode doc) {
        Map<String, String> out = new TreeMap<>();
        doc.path("components").path("schemas").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            if (s.has("properties") || s.has("enum")) {
                out.put(e.getKey(), signature(doc, s, true));
            }
        });
        return out;
    }

    private static String signature(JsonNode doc, JsonNode s, boolean expand) {
        if (s.has("$ref")) {
            String name = s.get("$ref").asText().replaceFirst(".*/", "");
            JsonNode target = doc.path("components").path("schemas").path(name);
            if (!target.has("properties") && !target.has("enum") && !target.isMissingNode()) {
                return signature(doc, target, expand);
            }
            return "ref:" + name;
        }
        if (s.has("enum")) {
            Set<String> values = new TreeSet<>();
            s.get("enum").forEach(v -> values.add(v.asText()));
            return "enum" + values;
        }
        String type = type(s);
        if ("array".equals(type)) {
            return "array<" + signature(doc, s.path("items"), false) + ">";
        }
        if ("object".equals(type) && expand) {
            Map<String, String> props = new TreeMap<>();
            s.path("properties").fields().forEachRemaining(p -> props.put(p.getKey(), signature(doc, p.getValue(), false)));
            return "object" + props;
        }
        String format = s.path("format").asText("");
        return format.startsWith("int") || format.equals("date-time") ? type + "/" + format : type;
    }

    /** OpenAPI 3.1 writes nullable types as ["string", "null"]; 3.0 as type + nullable. */
    private static String type(JsonNode s) {
        JsonNode t = s.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asText())) {
                    return x.asText();
                }
            }
        }
        if (t.isMissingNode() && s.has("properties")) {
            return "object";
        }
        return t.asText("any");
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            return doc.at(ref.substring(1));
        }
        return node;
    }
}
