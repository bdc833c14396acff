package org.dixian.auth;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.account.AccountService;
import org.dixian.platform.errors.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import java.util.List;

/**
 * Development login for the H5 build, where wx.login does not exist. Enabled only by
 * dixian.dev-login.enabled (true in the dev and test profiles); in production every call is a 404.
 */
@Path("/auth/dev")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirements
public class DevLoginResource {
    private final boolean enabled;
    private final AccountService accounts;
    private final AuthService auth;

    public DevLoginResource(@ConfigProperty(name = "dixian.dev-login.enabled") boolean enabled, AccountService accounts,
                            AuthService auth) {
        this.enabled = enabled;
        this.accounts = accounts;
        this.auth = auth;
    }

    @GET
    @Path("accounts")
    public Uni<List<DemoAccount>> accounts() {
        requireEnabled();
        return accounts.forDevLogin(40, 20).map(list -> list.stream().map(a -> new DemoAccount(a.id(), a.name(), a.role(),
                a.position(), a.regionCode(), a.regionName(), a.level())).toList());
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TokenPair> login(@Valid @NotNull(message = "请求体不能为空") DevLoginRequest body) {
        requireEnabled();
        return auth.devLogin(body.accountId());
    }

    private void requireEnabled() {
        if (!enabled) {
            throw ApiException.notFound("请求的地址不存在");
        }
    }
}
