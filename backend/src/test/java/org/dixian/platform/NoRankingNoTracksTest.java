package org.dixian.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rules that protect cadres (src-docs/checkins.md: 《整治形式主义为基层减负若干规定》 and the notice on government
 * apps) as a check of the contract, so that no later change slips a ranking, an online-time figure or a location
 * track into an answer: no schema carries such a field, and the only list of check-ins is the caller's own.
 * ContractTest keeps the served API equal to the file, so checking the file checks the API.
 */
class NoRankingNoTracksTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "(?i).*(rank|ranking|score|leaderboard|online(time|minutes|seconds)?|activeMinutes|track|trail|route|positions).*");
    private static JsonNode contract;

    @BeforeAll
    static void load() throws IOException {
        contract = new ObjectMapper(new YAMLFactory()).readTree(new File(System.getProperty("dixian.openapi-file",
                "../openapi/openapi.yaml")));
    }

    @Test
    void noSchemaCarriesARankingAnOnlineTimeOrATrack() {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : contract.path("components").path("schemas").properties()) {
            if (FORBIDDEN.matcher(schema.getKey()).matches()) {
                found.add(schema.getKey());
            }
            for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
                if (FORBIDDEN.matcher(property.getKey()).matches()) {
                    found.add(schema.getKey() + "." + property.getKey());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theOnlyListOfCheckinsIsTheCallersOwn() {
        List<String> lists = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : contract.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (JsonNode response : operation.getValue().path("responses")) {
                    for (JsonNode media : response.path("content")) {
                        JsonNode schema = media.path("schema");
                        if ("array".equals(schema.path("type").asText())
                                && schema.path("items").path("$ref").asText().endsWith("/Checkin")) {
                            lists.add(operation.getKey().toUpperCase() + " " + path.getKey());
                        }
                    }
                }
            }
        }
        assertEquals(List.of("GET /api/me/checkins"), lists);
    }

    @Test
    void theRuleCatchesWhatItIsMeantTo() {
        for (String name : List.of("rank", "activityScore", "onlineMinutes", "locationTrack", "trail")) {
            assertEquals(true, FORBIDDEN.matcher(name).matches(), name);
        }
        for (String name : List.of("recorded", "expected", "onLeave", "fieldDays", "distanceMeters", "accuracy")) {
            assertEquals(false, FORBIDDEN.matcher(name).matches(), name);
        }
    }
}
