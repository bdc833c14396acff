package org.dixian.client;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.concurrency.OffLoop;
import org.dixian.platform.crypto.SecretHasher;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.security.Principal;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Registration of department and third-party systems and their client-credentials check. */
@ApplicationScoped
public class ApiClientService {
    private final ApiClientRepository clients;
    private final RegionService regions;
    private final Idempotency idempotency;
    private final Clock clock;

    public ApiClientService(ApiClientRepository clients, RegionService regions, Idempotency idempotency, Clock clock) {
        this.clients = clients;
        this.regions = regions;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Registers a client inside the manager's region; the secret is returned this once only. */
    public Uni<ApiClientCreated> create(Scope scope, NewApiClient in, String idempotencyKey) {
        scope.requireRole(Role.ACCOUNT_MANAGER);
        for (String s : in.scopes()) {
            if (!ClientScopes.ALL.contains(s)) {
                throw ApiException.invalid("scopes", "不支持的授权范围：" + s);
            }
        }
        if (!scope.covers(in.regionCode())) {
            throw ApiException.forbidden("只能在本人管辖的区划内登记接入系统");
        }
        String secret = SecretHasher.newSecret();
        String[] issued = new String[1];
        return idempotency.once("client:" + scope.accountId(), idempotencyKey,
                () -> hashOffLoop(secret).chain(hash -> insert(scope, in, hash, idempotencyKey)).invoke(() -> issued[0] = secret),
                id -> find(scope, id).map(c -> new ApiClientCreated(c, issued[0] != null ? issued[0] : "（已在首次请求中返回）")));
    }

    @WithTransaction
    Uni<Long> insert(Scope scope, NewApiClient in, String hash, String requestKey) {
        String scopedKey = requestKey == null ? null : scope.accountId() + ":" + requestKey;
        return regions.find(in.regionCode()).chain(region -> {
            if (region == null) {
                throw ApiException.invalid("regionCode", "区划不存在：" + in.regionCode());
            }
            ApiClientEntity c = new ApiClientEntity();
            c.clientId = "dx-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            c.name = in.name().trim();
            c.secretHash = hash;
            c.regionCode = in.regionCode();
            c.scopes = List.copyOf(new TreeSet<>(in.scopes()));
            c.status = ClientStatus.ACTIVE;
            c.requestKey = scopedKey;
            c.createdAt = OffsetDateTime.now(clock);
            c.createdBy = scope.accountId();
            return clients.persist(c).map(saved -> saved.id);
        });
    }

    @WithSession
    public Uni<List<ApiClient>> list(Scope scope) {
        scope.requireRole(Role.ACCOUNT_MANAGER);
        return clients.inScope(scope).map(l -> l.stream().map(ApiClientEntity::view).toList());
    }

    @WithSession
    Uni<ApiClient> find(Scope scope, long id) {
        return clients.findInScope(scope, id).onItem().ifNull()
                .failWith(() -> ApiException.notFound("未找到该接入系统")).map(ApiClientEntity::view);
    }

    /** The registered name of a client, or null for an unknown one (no scope check: for records of who did what). */
    @WithSession
    public Uni<String> name(String clientId) {
        return clients.findByClientId(clientId).map(c -> c == null ? null : c.name);
    }

    /** A client by its id, or null (no scope check: for other features' checks of which system is named). */
    @WithSession
    public Uni<ApiClient> byClientId(String clientId) {
        return clients.findByClientId(clientId).map(c -> c == null ? null : c.view());
    }

    /** Checks client credentials and the requested scopes (default: all granted ones). */
    @WithSession
    public Uni<Principal> authenticate(String clientId, String secret, String requestedScope) {
        return clients.findByClientId(clientId).chain(c -> {
            if (c == null || c.status != ClientStatus.ACTIVE) {
                return Uni.createFrom().failure(badClient());
            }
            return verifyOffLoop(secret, c.secretHash).map(ok -> {
                if (!ok) {
                    throw badClient();
                }
                Set<String> granted = new HashSet<>(c.scopes);
                Set<String> scopes = granted;
                if (requestedScope != null && !requestedScope.isBlank()) {
                    scopes = new HashSet<>(List.of(requestedScope.trim().split("\\s+")));
                    if (!granted.containsAll(scopes)) {
                        throw ApiException.invalid("scope", "申请的授权范围超出登记范围");
                    }
                }
                return new Principal(c.clientId, Role.API_CLIENT, c.regionCode, null, Set.copyOf(scopes));
            });
        });
    }

    /** Creates a client without a caller (demo data) with a known secret. */
    public Uni<Void> seed(String clientId, String name, String secret, String regionCode, List<String> scopes) {
        return hashOffLoop(secret).chain(hash -> insertSeed(clientId, name, hash, regionCode, scopes));
    }

    @WithTransaction
    Uni<Void> insertSeed(String clientId, String name, String hash, String regionCode, List<String> scopes) {
        return Uni.createFrom().voidItem().chain(() -> {
            ApiClientEntity c = new ApiClientEntity();
            c.clientId = clientId;
            c.name = name;
            c.secretHash = hash;
            c.regionCode = regionCode;
            c.scopes = List.copyOf(scopes);
            c.status = ClientStatus.ACTIVE;
            c.createdAt = OffsetDateTime.now(clock);
            return clients.persist(c).replaceWithVoid();
        });
    }

    private static ApiException badClient() {
        return ApiException.unauthorized("接入系统身份验证失败（client_id 或 client_secret 错误）");
    }

    // PBKDF2 is deliberately slow: never on the event loop.
    private static Uni<String> hashOffLoop(String secret) {
        return OffLoop.run(() -> SecretHasher.hash(secret));
    }

    private static Uni<Boolean> verifyOffLoop(String secret, String hash) {
        return OffLoop.run(() -> SecretHasher.verify(secret, hash));
    }
}
