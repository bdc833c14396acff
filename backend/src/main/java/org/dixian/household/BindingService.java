package org.dixian.household;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.account.AccountService;
import org.dixian.auth.AuthService;
import org.dixian.auth.TokenPair;
import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.idcard.IdCardNumber;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * A farmer binds its WeChat account to a household by proving a member's name and ID number (and the
 * phone of record, where one is registered). Five wrong tries lock binding for an hour.
 */
@ApplicationScoped
public class BindingService {
    static final int MAX_TRIES = 5;
    static final Duration LOCK = Duration.ofHours(1);

    private final HouseholdService households;
    private final AccountService accounts;
    private final AuthService auth;
    private final BlindIndex index;
    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveKeyCommands<String> keys;
    private final Clock clock;

    public BindingService(HouseholdService households, AccountService accounts, AuthService auth, BlindIndex index,
                          ReactiveRedisDataSource redis, Clock clock) {
        this.households = households;
        this.accounts = accounts;
        this.auth = auth;
        this.index = index;
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.clock = clock;
    }

    /** The bound head lets another member of its household bind. */
    public Uni<Void> allow(Scope scope, long memberId) {
        return accounts.boundMember(scope.accountId()).chain(self -> households.allowBinding(scope, self, memberId));
    }

    /** Binds the calling farmer and returns tokens that carry the household. */
    public Uni<TokenPair> bind(Scope scope, BindRequest in) {
        scope.requireRole(Role.FARMER);
        if (scope.householdId() != null) {
            throw ApiException.conflict("您已绑定农户");
        }
        IdCardNumber.problem(in.idNumber(), LocalDate.now(clock)).ifPresent(problem -> {
            throw ApiException.invalid("idNumber", problem);
        });
        String key = "bind-fail:" + scope.accountId();
        return counters.get(key).chain(tries -> {
            if (tries != null && tries >= MAX_TRIES) {
                throw ApiException.tooManyRequests("核对失败次数过多，请 1 小时后再试");
            }
            return households.bindCandidate(in.idNumber()).chain(c -> {
                boolean ok = c != null && c.memberName().equals(in.name().trim()) && c.phoneMatches(index, in.phone());
                if (!ok) {
                    return counters.incr(key).call(n -> n == 1 ? keys.expire(key, LOCK) : Uni.createFrom().voidItem())
                            .map(n -> {
                                long left = MAX_TRIES - n;
                                throw left > 0
                                        ? ApiException.forbidden("信息核对不一致，还可以再试 " + left + " 次")
                                        : ApiException.tooManyRequests("核对失败次数过多，请 1 小时后再试");
                            });
                }
                if (!c.allowed()) {
                    // Correct details, so not a failed try: the head has not allowed this member yet.
                    throw ApiException.forbidden("请先由户主在农户视窗中授权您绑定");
                }
                return accounts.bindHousehold(scope.accountId(), c.householdId(), c.memberId(), c.regionCode(), c.memberName())
                        .call(() -> keys.del(key))
                        .chain(auth::tokensFor);
            });
        });
    }
}
