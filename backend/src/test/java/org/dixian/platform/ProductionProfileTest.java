package org.dixian.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** In the production profile the development login does not exist and no demo data is created. */
@QuarkusTest
@TestProfile(ProductionProfileTest.Prod.class)
class ProductionProfileTest {
    public static class Prod implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Production takes its keys from configuration; here the generated development ones stand in.
            String keys = System.getProperty("dixian.data-dir") + "/keys/";
            return Map.of(
                    "mp.jwt.verify.publickey.location", "file:" + keys + "jwt-public.pem",
                    "smallrye.jwt.sign.key.location", "file:" + keys + "jwt-private.pem",
                    "dixian.crypto.field-key", org.dixian.platform.embedded.DevKeys.secret("field"),
                    "dixian.crypto.index-key", org.dixian.platform.embedded.DevKeys.secret("index"));
        }
    }

    @Test
    void developmentLoginIsAbsent() {
        org.dixian.platform.embedded.DevKeys.jwtPublicKey();
        given().get("/auth/dev/accounts").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().contentType("application/json").body("{\"accountId\":1}").post("/auth/dev/login")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
