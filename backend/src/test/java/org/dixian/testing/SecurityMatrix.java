package org.dixian.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The security matrix: one row per endpoint, turned into dynamic tests by {@link #of}. Each row names a
 * principal the endpoint accepts (the positive control, and the claims every forged variant is made from)
 * and the principals it must refuse. Every row automatically checks that a missing, expired, foreign-issuer,
 * foreign-audience, tampered, foreign-key, unsigned or garbage token is refused with 401; every refusal must
 * be an application/problem+json answer valid against the contract.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> securityMatrix() {
 *     return SecurityMatrix.of(
 *         SecurityMatrix.get("/api/regions/410225101000/children")
 *             .accepts(Tokens.townshipCadre(), 200)
 *             .wrongRole(Tokens.demoFarmer(), 403)
 *             .otherRegion(Tokens.cadre(TOWNSHIP_CADRE, "410102001000"), 404));
 * }
 * }</pre>
 */
public final class SecurityMatrix {
    private SecurityMatrix() {
    }

    public static Endpoint get(String path) {
        return new Endpoint("GET", path, null);
    }

    public static Endpoint post(String path, Object jsonBody) {
        return new Endpoint("POST", path, jsonBody);
    }

    public static Endpoint patch(String path, Object jsonBody) {
        return new Endpoint("PATCH", path, jsonBody);
    }

    /** A multipart/form-data upload of one file part (as WeChat's wx.uploadFile sends it). */
    public static Endpoint multipart(String path, String field, String fileName, byte[] content, String mimeType) {
        return new Endpoint("MULTIPART", path, new FilePart(field, fileName, content, mimeType));
    }

    public static Stream<DynamicNode> of(Endpoint... rows) {
        return Stream.of(rows).map(Endpoint::tests);
    }

    private record Case(String name, Supplier<String> token, int status) {
    }

    private record FilePart(String field, String fileName, byte[] content, String mimeType) {
    }

    public static final class Endpoint {
        private final String method;
        private final String path;
        private final Object body;
        private Tokens.Principal accepted;
        private int acceptedStatus;
        private final List<Case> refusals = new ArrayList<>();

        private Endpoint(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        /**
         * A principal the endpoint lets through, and the status it answers then (use a side-effect-free
         * answer for writes, e.g. 409 for enabling an active account: it proves authorisation passed).
         */
        public Endpoint accepts(Tokens.Principal principal, int status) {
            this.accepted = principal;
            this.acceptedStatus = status;
            return this;
        }

        public Endpoint wrongRole(Tokens.Principal p, int status) {
            return refuses("wrong role " + p.role(), p, status);
        }

        /** A principal of another region at the same level. */
        public Endpoint otherRegion(Tokens.Principal p, int status) {
            return refuses("other region " + p.region(), p, status);
        }

        /** A principal of a child region reaching for its parent region's data. */
        public Endpoint parentRegion(Tokens.Principal child, int status) {
            return refuses("child region " + child.region() + " reaching up", child, status);
        }

        /** A farmer whose token carries another household. */
        public Endpoint otherHousehold(Tokens.Principal farmer, int status) {
            return refuses("other household " + farmer.household(), farmer, status);
        }

        /** A client token lacking the scope the endpoint needs. */
        public Endpoint clientWithoutScope(Tokens.Principal client, int status) {
            return refuses("client with scopes " + client.scopes(), client, status);
        }

        public Endpoint refuses(String name, Tokens.Principal p, int status) {
            refusals.add(new Case(name, p::token, status));
            return this;
        }

        /** A refusal for a raw token (e.g. one obtained through a real login). */
        public Endpoint refusesToken(String name, Supplier<String> token, int status) {
            refusals.add(new Case(name, token, status));
            return this;
        }

        DynamicContainer tests() {
            if (accepted == null) {
                throw new IllegalStateException(method + " " + path + ": name a principal it accepts");
            }
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("accepts " + accepted.role() + " → " + acceptedStatus, () -> {
                Response r = send(Api.as(accepted));
                assertEquals(acceptedStatus, r.statusCode(), () -> "positive control: " + r.asString());
            }));
            tests.add(refusal("no token", Api::given, 401));
            List<Case> forged = List.of(
                    new Case("expired token", accepted::expired, 401),
                    new Case("wrong issuer", accepted::wrongIssuer, 401),
                    new Case("wrong audience", accepted::wrongAudience, 401),
                    new Case("tampered payload", accepted::tampered, 401),
                    new Case("signed by a foreign key", accepted::foreignKey, 401),
                    new Case("alg none", accepted::algNone, 401),
                    new Case("not a JWT", () -> "not-a-jwt", 401));
            for (Case c : forged) {
                tests.add(refusal(c.name(), () -> Api.bearer(c.token().get()), c.status()));
            }
            for (Case c : refusals) {
                tests.add(refusal(c.name(), () -> Api.bearer(c.token().get()), c.status()));
            }
            return DynamicContainer.dynamicContainer(method + " " + path, tests);
        }

        private DynamicTest refusal(String name, Supplier<RequestSpecification> spec, int status) {
            return DynamicTest.dynamicTest(name + " → " + status, () -> Problems.assertProblem(send(spec.get()), status));
        }

        private Response send(RequestSpecification spec) {
            Function<RequestSpecification, Response> call = switch (method) {
                case "GET" -> s -> s.get(path);
                case "POST" -> body == null ? s -> s.post(path) : s -> s.contentType(ContentType.JSON).body(body).post(path);
                case "PATCH" -> s -> s.contentType(ContentType.JSON).body(body).patch(path);
                case "MULTIPART" -> s -> {
                    FilePart f = (FilePart) body;
                    return s.multiPart(f.field(), f.fileName(), f.content(), f.mimeType()).post(path);
                };
                default -> throw new IllegalStateException(method);
            };
            return call.apply(spec);
        }
    }
}
