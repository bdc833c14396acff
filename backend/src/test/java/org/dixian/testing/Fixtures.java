package org.dixian.testing;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Builders that create test data through the API, as an account manager would. Every default is unique
 * (name, phone), so tests never depend on rows another test created.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** A phone number no demo account uses (they are 138…); random enough not to collide in one run. */
    public static String uniquePhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A short marker for names, so a test can find exactly its own rows. */
    public static String marker() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    public static AccountBuilder anAccount() {
        return new AccountBuilder();
    }

    public static ClientBuilder aClient() {
        return new ClientBuilder();
    }

    /** An account as created; {@link #login()} signs in through the WeChat phone flow. */
    public record CreatedAccount(long id, String name, String phone, String regionCode, Role role) {
        public Logins.Pair login() {
            return Logins.cadre(phone);
        }

        /** A token minted for this account without a login round trip. */
        public Tokens.Principal principal() {
            return Tokens.account(id, role, regionCode);
        }
    }

    public static final class AccountBuilder {
        private Role role = Role.INFO_OFFICER;
        private String region = DemoData.VILLAGE;
        private String name = "测试" + marker();
        private String phone = uniquePhone();
        private String position = "测试岗位";
        private Tokens.Principal by = Tokens.countyManager();
        private String idempotencyKey;

        public AccountBuilder role(Role r) {
            this.role = r;
            return this;
        }

        public AccountBuilder inRegion(String code) {
            this.region = code;
            return this;
        }

        public AccountBuilder named(String n) {
            this.name = n;
            return this;
        }

        public AccountBuilder phone(String p) {
            this.phone = p;
            return this;
        }

        public AccountBuilder position(String p) {
            this.position = p;
            return this;
        }

        /** The manager who creates it (default: 孙丽, 兰考县). */
        public AccountBuilder by(Tokens.Principal manager) {
            this.by = manager;
            return this;
        }

        public AccountBuilder idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        public Map<String, Object> body() {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("name", name);
            b.put("phone", phone);
            b.put("regionCode", region);
            b.put("role", role.name());
            if (position != null) {
                b.put("position", position);
            }
            return b;
        }

        /** Sends the create request and returns the answer, whatever it is. */
        public Response post() {
            var spec = Api.as(by).contentType(ContentType.JSON).body(body());
            if (idempotencyKey != null) {
                spec.header("Idempotency-Key", idempotencyKey);
            }
            return spec.post("/api/accounts");
        }

        /** Creates the account, asserting 201. */
        public CreatedAccount create() {
            Response r = post();
            assertEquals(201, r.statusCode(), r::asString);
            JsonPath j = r.jsonPath();
            return new CreatedAccount(j.getLong("id"), name, phone, region, role);
        }
    }

    /** A registered client with its one-time secret. */
    public record CreatedClient(String clientId, String secret, String regionCode, List<String> scopes) {
    }

    public static final class ClientBuilder {
        private String name = "测试接入系统" + marker();
        private String region = DemoData.COUNTY;
        private List<String> scopes = new ArrayList<>(List.of("regions:read", "alerts:push"));
        private Tokens.Principal by = Tokens.countyManager();

        public ClientBuilder named(String n) {
            this.name = n;
            return this;
        }

        public ClientBuilder inRegion(String code) {
            this.region = code;
            return this;
        }

        public ClientBuilder scopes(String... s) {
            this.scopes = new ArrayList<>(List.of(s));
            return this;
        }

        public ClientBuilder by(Tokens.Principal manager) {
            this.by = manager;
            return this;
        }

        public Map<String, Object> body() {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("name", name);
            b.put("regionCode", region);
            b.put("scopes", scopes);
            return b;
        }

        public Response post() {
            return Api.as(by).contentType(ContentType.JSON).body(body()).post("/api/clients");
        }

        public CreatedClient create() {
            Response r = post();
            assertEquals(201, r.statusCode(), r::asString);
            JsonPath j = r.jsonPath();
            return new CreatedClient(j.getString("client.clientId"), j.getString("clientSecret"), region,
                    j.getList("client.scopes", String.class));
        }
    }
}
