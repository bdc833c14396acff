package org.dixian.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokensTest {
    private static final String ISSUER = "https://dixian.local";
    private static final KeyPair KEYS = keys();
    private static final KeyPair OTHER_KEYS = keys();

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static VerifiedTokens tokens() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(KEYS.getPublic(), ISSUER);
        info.setClockSkew(0);
        return new VerifiedTokens(new DefaultJWTParser(info));
    }

    private static String token(KeyPair keys, Instant expires) {
        return Jwt.issuer(ISSUER).subject("3").issuedAt(Instant.now().minusSeconds(5)).expiresAt(expires)
                .claim("role", "COUNTY_CADRE").jws().sign(keys.getPrivate());
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItExpires() throws Exception {
        VerifiedTokens v = tokens();
        String t = token(KEYS, Instant.now().plusSeconds(600));
        JsonWebToken first = v.parse(t);
        assertEquals("3", first.getSubject());
        assertSame(first, v.parse(t), "the second use is not verified again");
        assertEquals(1, v.size());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEvenNextToAKnownOne() throws Exception {
        VerifiedTokens v = tokens();
        v.parse(token(KEYS, Instant.now().plusSeconds(600)));
        String forged = token(OTHER_KEYS, Instant.now().plusSeconds(600));
        assertThrows(ParseException.class, () -> v.parse(forged));
        String known = token(KEYS, Instant.now().plusSeconds(600));
        String tampered = known.substring(0, known.length() - 4) + (known.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(ParseException.class, () -> v.parse(tampered));
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() throws Exception {
        VerifiedTokens v = tokens();
        String t = token(KEYS, Instant.now().plusSeconds(2));
        v.parse(t);
        Thread.sleep(2100);
        assertThrows(ParseException.class, () -> v.parse(t));
        assertEquals(0, v.size());
    }
}
