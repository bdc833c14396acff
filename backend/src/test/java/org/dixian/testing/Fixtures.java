package org.dixian.testing;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.dixian.demo.DemoData;
import org.dixian.platform.idcard.IdCardNumber;
import org.dixian.platform.security.Role;

import java.time.LocalDate;
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

    /**
     * A valid ID number (checksum included) of a person born in 兰考县 on a random date between 1940 and 2005,
     * with a random sequence: unlikely to collide with any number an earlier run left in the shared database.
     */
    public static String uniqueIdNumber() {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(rnd.nextInt(365 * 65));
        return IdCardNumber.of("410225", birth, rnd.nextInt(1000));
    }

    /** A bank account number of 19 digits. */
    public static String uniqueBankAccount() {
        return "622202" + String.format("%013d", ThreadLocalRandom.current().nextLong(10_000_000_000_000L));
    }

    public static HouseholdBuilder aHousehold() {
        return new HouseholdBuilder();
    }

    /** A member body (relation SPOUSE unless told) with a unique ID number and phone. */
    public static Map<String, Object> aMember(String name, String relation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("idNumber", uniqueIdNumber());
        m.put("relation", relation);
        m.put("phone", uniquePhone());
        return m;
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

    /** A household as created: its id, number, version and the head's data of record (full values). */
    public record CreatedHousehold(long id, String householdNo, String regionCode, int version, long headId,
                                   String headName, String headIdNumber, String headPhone, String bankAccount) {
    }

    /** A household in 任庄村 with a unique head (name, ID number, phone), created by the demo village cadre. */
    public static final class HouseholdBuilder {
        private String region = DemoData.VILLAGE;
        private String category = "GENERAL";
        private String monitoringType;
        private List<String> riskTypes;
        private Integer liftedYear;
        private String headName = "户主" + marker();
        private String headIdNumber = uniqueIdNumber();
        private String headPhone = uniquePhone();
        private String bankAccount = uniqueBankAccount();
        private Tokens.Principal by = Tokens.villageCadre();
        private String idempotencyKey;

        public HouseholdBuilder inRegion(String code) {
            this.region = code;
            return this;
        }

        public HouseholdBuilder general() {
            this.category = "GENERAL";
            this.monitoringType = null;
            this.riskTypes = null;
            this.liftedYear = null;
            return this;
        }

        public HouseholdBuilder lifted(int year) {
            this.category = "LIFTED";
            this.liftedYear = year;
            return this;
        }

        public HouseholdBuilder monitored(String type, String... risks) {
            this.category = "MONITORED";
            this.monitoringType = type;
            this.riskTypes = risks.length == 0 ? null : List.of(risks);
            return this;
        }

        public HouseholdBuilder headName(String n) {
            this.headName = n;
            return this;
        }

        public HouseholdBuilder headIdNumber(String id) {
            this.headIdNumber = id;
            return this;
        }

        /** The head's phone of record; null for none. */
        public HouseholdBuilder headPhone(String p) {
            this.headPhone = p;
            return this;
        }

        public HouseholdBuilder bankAccount(String b) {
            this.bankAccount = b;
            return this;
        }

        /** The cadre who registers it (default: the demo village cadre of 任庄村). */
        public HouseholdBuilder by(Tokens.Principal cadre) {
            this.by = cadre;
            return this;
        }

        public HouseholdBuilder idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        public Map<String, Object> body() {
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("name", headName);
            head.put("idNumber", headIdNumber);
            head.put("relation", "HEAD");
            head.put("health", "HEALTHY");
            head.put("laborAbility", "NORMAL");
            if (headPhone != null) {
                head.put("phone", headPhone);
            }
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("regionCode", region);
            b.put("address", "测试地址" + marker());
            b.put("category", category);
            if (liftedYear != null) {
                b.put("liftedYear", liftedYear);
            }
            if (monitoringType != null) {
                b.put("monitoringType", monitoringType);
            }
            if (riskTypes != null) {
                b.put("riskTypes", riskTypes);
            }
            if (bankAccount != null) {
                b.put("bankAccount", bankAccount);
            }
            b.put("head", head);
            return b;
        }

        /** Sends the create request (checked against the contract) and returns the answer, whatever it is. */
        public Response post() {
            return send(Api.as(by));
        }

        /** Sends it without checking the request against the contract (for bodies that break it on purpose). */
        public Response postUnchecked() {
            return send(Api.unchecked().header("Authorization", "Bearer " + by.token()));
        }

        private Response send(io.restassured.specification.RequestSpecification spec) {
            spec.contentType(ContentType.JSON).body(body());
            if (idempotencyKey != null) {
                spec.header("Idempotency-Key", idempotencyKey);
            }
            return spec.post("/api/households");
        }

        /** Creates the household, asserting 201. */
        public CreatedHousehold create() {
            Response r = post();
            assertEquals(201, r.statusCode(), r::asString);
            JsonPath j = r.jsonPath();
            return new CreatedHousehold(j.getLong("id"), j.getString("householdNo"), region, j.getInt("version"),
                    j.getLong("members[0].id"), headName, headIdNumber, headPhone, bankAccount);
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
