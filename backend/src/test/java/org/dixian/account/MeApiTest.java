package org.dixian.account;

import io.quarkus.test.junit.QuarkusTest;
import org.dixian.platform.security.Role;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

@QuarkusTest
class MeApiTest {

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/me")
                        .accepts(Tokens.townshipCadre(), 200)
                        .refuses("client", Tokens.demoClient("regions:read"), 403)
                        .refuses("account that does not exist", Tokens.cadre(Role.TOWNSHIP_CADRE, "410225101000"), 401));
    }
}
