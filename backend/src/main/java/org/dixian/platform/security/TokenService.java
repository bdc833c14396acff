package org.dixian.platform.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Issues RS256 access tokens carrying the claims {@link ScopeProducer} reads. */
@ApplicationScoped
public class TokenService {
    private final Duration accessTtl;
    private final Clock clock;

    public TokenService(@ConfigProperty(name = "dixian.jwt.access-ttl") Duration accessTtl, Clock clock) {
        this.accessTtl = accessTtl;
        this.clock = clock;
    }

    public Duration accessTtl() {
        return accessTtl;
    }

    /** A signed access token for the principal, valid for the configured TTL (≈15 minutes). */
    public String accessToken(Principal p) {
        Instant now = clock.instant();
        JwtClaimsBuilder b = Jwt.claims()
                .subject(p.subject())
                .claim(Claims.ROLE, p.role().name())
                .groups(p.role().name())
                .issuedAt(now)
                .expiresAt(now.plus(accessTtl))
                .claim("jti", UUID.randomUUID().toString());
        if (p.regionCode() != null) {
            b.claim(Claims.REGION, p.regionCode()).claim(Claims.LEVEL, RegionCodes.level(p.regionCode()));
        }
        if (p.householdId() != null) {
            b.claim(Claims.HOUSEHOLD, p.householdId());
        }
        if (!p.scopes().isEmpty()) {
            b.claim(Claims.SCOPE, String.join(" ", p.scopes().stream().sorted().toList()));
        }
        return b.sign();
    }
}
