package org.dixian.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens for arbitrary principals, signed with the application's own key (taken from configuration,
 * so only usable inside a {@code @QuarkusTest}), and the variants every endpoint must refuse.
 */
public final class Tokens {
    public static final String ISSUER = "https://dixian.local";
    public static final String AUDIENCE = "dixian";

    private static KeyPair foreignKeys;

    private Tokens() {
    }

    /** A principal a token can be minted for; immutable, every "with" returns a copy. */
    public record Principal(String subject, Role role, String region, Long household, Set<String> scopes) {

        public Principal inRegion(String code) {
            return new Principal(subject, role, code, household, scopes);
        }

        public Principal withHousehold(Long hh) {
            return new Principal(subject, role, region, hh, scopes);
        }

        public Principal withScopes(String... s) {
            return new Principal(subject, role, region, household, new LinkedHashSet<>(List.of(s)));
        }

        public Principal withRole(Role r) {
            return new Principal(subject, r, region, household, scopes);
        }

        /** A valid token for this principal. */
        public String token() {
            return sign(builder(this));
        }

        /** Same claims, expired an hour ago. */
        public String expired() {
            Instant now = Instant.now();
            return sign(builder(this).issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)));
        }

        public String wrongIssuer() {
            return sign(builder(this).issuer("https://evil.example"));
        }

        public String wrongAudience() {
            return sign(builder(this).audience("someone-else"));
        }

        /** A valid token whose payload was then edited (region moved to another province or widened to 河南省), signature kept. */
        public String tampered() {
            String[] parts = token().split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            String wider = "410000000000".equals(region) ? "110000000000" : "410000000000";
            String edited = payload.contains("\"region\"")
                    ? payload.replaceFirst("\"region\":\"[0-9]{12}\"", "\"region\":\"" + wider + "\"")
                    : payload.replaceFirst("\"role\":\"[A-Z_]+\"", "\"role\":\"PROVINCE_CADRE\"");
            if (edited.equals(payload)) {
                throw new IllegalStateException("nothing to tamper with in " + payload);
            }
            return parts[0] + "." + b64(edited) + "." + parts[2];
        }

        /** Same claims, signed by an RSA key the application never saw. */
        public String foreignKey() {
            return builder(this).jws().sign(foreignKeys().getPrivate());
        }

        /** Same claims, unsigned ({@code alg: none}). */
        public String algNone() {
            String payload = new String(Base64.getUrlDecoder().decode(token().split("\\.")[1]), StandardCharsets.UTF_8);
            return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(payload) + ".";
        }
    }

    /** An account's principal (sub = account id). */
    public static Principal account(long id, Role role, String region) {
        return new Principal(Long.toString(id), role, region, null, Set.of());
    }

    /** A farmer of a household in a village. */
    public static Principal farmer(long id, String village, Long household) {
        return new Principal(Long.toString(id), Role.FARMER, village, household, Set.of());
    }

    /** A registered client (sub = client id) with scopes. */
    public static Principal client(String clientId, String region, String... scopes) {
        return new Principal(clientId, Role.API_CLIENT, region, null, new LinkedHashSet<>(List.of(scopes)));
    }

    /** A cadre of the given role and region under a made-up account id (scope comes from the token alone). */
    public static Principal cadre(Role role, String region) {
        return account(900_000 + Math.abs(UUID.randomUUID().hashCode() % 90_000), role, region);
    }

    // The demo accounts (ids in DemoData.ACCOUNTS order).
    public static Principal provinceCadre() {
        return account(1, Role.PROVINCE_CADRE, DemoData.PROVINCE);
    }

    public static Principal countyCadre() {
        return account(3, Role.COUNTY_CADRE, DemoData.COUNTY);
    }

    public static Principal townshipCadre() {
        return account(4, Role.TOWNSHIP_CADRE, DemoData.TOWNSHIP);
    }

    public static Principal villageCadre() {
        return account(5, Role.VILLAGE_CADRE, DemoData.VILLAGE);
    }

    public static Principal provinceManager() {
        return account(8, Role.ACCOUNT_MANAGER, DemoData.PROVINCE);
    }

    /** 孙丽, account manager of 兰考县. */
    public static Principal countyManager() {
        return account(9, Role.ACCOUNT_MANAGER, DemoData.COUNTY);
    }

    public static Principal demoFarmer() {
        return farmer(10, DemoData.VILLAGE, null);
    }

    public static Principal demoClient(String... scopes) {
        return client(DemoData.CLIENT_ID, DemoData.COUNTY, scopes);
    }

    /** The JSON payload of a token, for assertions on its claims. */
    public static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static JwtClaimsBuilder builder(Principal p) {
        Instant now = Instant.now();
        JwtClaimsBuilder b = Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(p.subject())
                .claim("role", p.role().name())
                .groups(p.role().name())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(900))
                .claim("jti", UUID.randomUUID().toString());
        if (p.region() != null) {
            b.claim("region", p.region()).claim("level", RegionCodes.level(p.region()));
        }
        if (p.household() != null) {
            b.claim("hh", p.household());
        }
        if (!p.scopes().isEmpty()) {
            b.claim("scope", String.join(" ", p.scopes()));
        }
        return b;
    }

    private static String sign(JwtClaimsBuilder b) {
        return b.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign();
    }

    private static synchronized KeyPair foreignKeys() {
        if (foreignKeys == null) {
            try {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                foreignKeys = gen.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return foreignKeys;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
