package org.dixian.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers access tokens whose signature and claims were already verified, until they expire. The RS256
 * signature check is the largest single cost of an authenticated request (about a quarter of the backend's CPU
 * on a household detail read), and a cadre's client sends the same token for up to 15 minutes. A cached entry
 * is found only by the exact token string, so a token that differs in any bit, including the signature, is
 * verified in full. Expiry is checked on every use. The cache is bounded: when full, expired entries go first,
 * then everything.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {
    static final int MAX_ENTRIES = 20_000;

    private final DefaultJWTParser delegate;
    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(DefaultJWTParser delegate) {
        this.delegate = delegate;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null) {
            if (!expired(known)) {
                return known;
            }
            verified.remove(token);
        }
        JsonWebToken fresh = delegate.parse(token);
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(this::expired);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(token, fresh);
        return fresh;
    }

    /** System time, as the signature check itself uses. */
    private boolean expired(JsonWebToken jwt) {
        return jwt.getExpirationTime() <= System.currentTimeMillis() / 1000;
    }

    int size() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
