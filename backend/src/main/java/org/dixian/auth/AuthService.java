package org.dixian.auth;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.account.AccountService;
import org.dixian.client.ApiClientService;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.Principal;
import org.dixian.platform.security.RefreshTokens;
import org.dixian.platform.security.TokenService;
import org.dixian.platform.wechat.WeChatGateway;

/** Login flows: WeChat for farmers and cadres, refresh rotation, logout, client credentials. */
@ApplicationScoped
public class AuthService {
    private final WeChatGateway wechat;
    private final AccountService accounts;
    private final ApiClientService clients;
    private final TokenService tokens;
    private final RefreshTokens refreshTokens;

    public AuthService(WeChatGateway wechat, AccountService accounts, ApiClientService clients, TokenService tokens,
                       RefreshTokens refreshTokens) {
        this.wechat = wechat;
        this.accounts = accounts;
        this.clients = clients;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
    }

    /** Farmer: wx.login code → openid → account (created on first login) → tokens. */
    public Uni<TokenPair> wechatLogin(String code) {
        return wechat.session(code)
                .chain(s -> accounts.loginFarmer(s.openid(), s.unionid()))
                .chain(this::tokensFor);
    }

    /** Cadre: getPhoneNumber code → phone → registered staff account → tokens; binds the WeChat user if given. */
    public Uni<TokenPair> cadreLogin(String phoneCode, String loginCode) {
        Uni<String> openid = loginCode == null || loginCode.isBlank() ? Uni.createFrom().nullItem()
                : wechat.session(loginCode).map(WeChatGateway.Session::openid);
        return openid.chain(o -> wechat.phoneNumber(phoneCode).chain(phone -> accounts.loginByPhone(phone, o)))
                .chain(this::tokensFor);
    }

    /** Rotates the refresh token; the account must still be active. */
    public Uni<TokenPair> refresh(String refreshToken) {
        return refreshTokens.rotate(refreshToken).chain(e -> accounts.principalOf(Long.parseLong(e.getKey().subject()))
                .onFailure().call(() -> refreshTokens.revoke(e.getValue()))
                .map(p -> pair(p, e.getValue())));
    }

    public Uni<Void> logout(String refreshToken) {
        return refreshTokens.revoke(refreshToken);
    }

    /** Development login: any active account, no WeChat round trip. */
    public Uni<TokenPair> devLogin(long accountId) {
        return accounts.principalOf(accountId)
                .onFailure(ApiException.class).transform(e -> ApiException.notFound("演示账号不存在或已停用"))
                .chain(this::tokensFor);
    }

    /** OAuth2 client credentials; no refresh token (a client simply asks again). */
    public Uni<ClientTokenResponse> clientToken(String grantType, String clientId, String secret, String scope) {
        if (grantType == null || grantType.isBlank()) {
            throw ApiException.invalid("grant_type", "缺少 grant_type");
        }
        if (!"client_credentials".equals(grantType)) {
            throw ApiException.invalid("grant_type", "仅支持 client_credentials");
        }
        if (clientId == null || clientId.isBlank()) {
            throw ApiException.invalid("client_id", "缺少 client_id");
        }
        if (secret == null || secret.isBlank()) {
            throw ApiException.invalid("client_secret", "缺少 client_secret");
        }
        return clients.authenticate(clientId, secret, scope).map(p -> new ClientTokenResponse(
                tokens.accessToken(p), "Bearer", tokens.accessTtl().toSeconds(),
                String.join(" ", p.scopes().stream().sorted().toList())));
    }

    /** A fresh token pair (new refresh family) for a principal, e.g. after its claims changed. */
    public Uni<TokenPair> tokensFor(Principal p) {
        return refreshTokens.issue(p.subject()).map(rt -> pair(p, rt));
    }

    private TokenPair pair(Principal p, String refreshToken) {
        return new TokenPair(tokens.accessToken(p), refreshToken, "Bearer", tokens.accessTtl().toSeconds());
    }
}
