package org.dixian.platform.security;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import org.dixian.platform.errors.ApiException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The request's {@link Scope}, built from the verified JWT; the only reader of authorisation claims. */
@RequestScoped
public class CurrentScope {
    private final JsonWebToken jwt;

    private Scope scope;

    public CurrentScope(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public Scope get() {
        if (scope == null) {
            if (jwt == null || jwt.getRawToken() == null) {
                throw new UnauthorizedException();
            }
            scope = fromClaims(jwt);
        }
        return scope;
    }

    static Scope fromClaims(JsonWebToken jwt) {
        try {
            Role role = Role.valueOf(jwt.getClaim(Claims.ROLE).toString());
            Object region = jwt.getClaim(Claims.REGION);
            String regionCode = region == null ? null : region.toString();
            if (regionCode != null && !RegionCodes.isValid(regionCode)) {
                throw ApiException.unauthorized("登录凭证无效，请重新登录");
            }
            Object hh = jwt.getClaim(Claims.HOUSEHOLD);
            Long household = hh == null ? null : Long.valueOf(hh.toString());
            Object scopeClaim = jwt.getClaim(Claims.SCOPE);
            Set<String> scopes = scopeClaim == null ? Set.of()
                    : Arrays.stream(scopeClaim.toString().split(" ")).filter(s -> !s.isBlank())
                    .collect(Collectors.toUnmodifiableSet());
            String sub = jwt.getSubject();
            long accountId = role == Role.API_CLIENT ? 0L : Long.parseLong(sub);
            int level = regionCode == null ? 0 : RegionCodes.level(regionCode);
            return new Scope(accountId, sub, role, regionCode, level, household, scopes);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.unauthorized("登录凭证无效，请重新登录");
        }
    }
}
