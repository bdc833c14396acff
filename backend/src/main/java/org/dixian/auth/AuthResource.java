package org.dixian.auth;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirements
public class AuthResource {
    private final AuthService auth;

    public AuthResource(AuthService auth) {
        this.auth = auth;
    }

    @POST
    @Path("wechat/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TokenPair> wechatLogin(@Valid @NotNull(message = "请求体不能为空") WechatLoginRequest body) {
        return auth.wechatLogin(body.code().trim());
    }

    @POST
    @Path("wechat/cadre-login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TokenPair> cadreLogin(@Valid @NotNull(message = "请求体不能为空") CadreLoginRequest body) {
        return auth.cadreLogin(body.phoneCode().trim(), body.loginCode());
    }

    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TokenPair> refresh(@Valid @NotNull(message = "请求体不能为空") RefreshRequest body) {
        return auth.refresh(body.refreshToken());
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(204)
    @APIResponse(responseCode = "204", description = "已退出")
    public Uni<Void> logout(@Valid @NotNull(message = "请求体不能为空") RefreshRequest body) {
        return auth.logout(body.refreshToken());
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<ClientTokenResponse> token(@FormParam("grant_type") String grantType,
                                          @FormParam("client_id") String clientId,
                                          @FormParam("client_secret") String clientSecret,
                                          @FormParam("scope") String scope) {
        return auth.clientToken(grantType, clientId, clientSecret, scope);
    }
}
