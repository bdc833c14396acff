package org.dixian.account;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.crypto.FieldCipher;
import org.dixian.platform.crypto.Masking;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.errors.FieldError;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.security.Principal;
import org.dixian.platform.security.RefreshTokens;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.Region;
import org.dixian.region.RegionService;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Accounts of cadres and farmers: creation by account managers, status changes, login look-ups. */
@ApplicationScoped
public class AccountService {
    static final String PHONE = "phone";
    private static final Role[] READERS = {Role.ACCOUNT_MANAGER, Role.PROVINCE_CADRE, Role.CITY_CADRE,
            Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE};

    private final AccountRepository accounts;
    private final AccountEventRepository events;
    private final RegionService regions;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Idempotency idempotency;
    private final RefreshTokens refreshTokens;
    private final Clock clock;

    public AccountService(AccountRepository accounts, AccountEventRepository events, RegionService regions,
                          FieldCipher cipher, BlindIndex index, Idempotency idempotency, RefreshTokens refreshTokens,
                          Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.regions = regions;
        this.cipher = cipher;
        this.index = index;
        this.idempotency = idempotency;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /** Creates a staff account at the manager's level or below, inside the manager's region; retry-safe. */
    public Uni<Account> create(Scope scope, NewAccount in, String idempotencyKey) {
        scope.requireRole(Role.ACCOUNT_MANAGER);
        return idempotency.once("account:" + scope.accountId(), idempotencyKey,
                () -> insert(scope, in, idempotencyKey), id -> get(scope, id));
    }

    @WithTransaction
    Uni<Long> insert(Scope scope, NewAccount in, String requestKey) {
        if (!in.role().isStaff()) {
            throw ApiException.invalid("role", "不能在此创建" + in.role().label() + "账号");
        }
        if (!scope.covers(in.regionCode())) {
            throw ApiException.forbidden("只能在本人管辖的区划内创建账号");
        }
        int level = RegionCodes.level(in.regionCode());
        if (in.role().level() != 0 && in.role().level() != level) {
            throw ApiException.invalid("regionCode", in.role().label() + "账号须设在" + levelName(in.role().level()) + "区划");
        }
        String scopedKey = requestKey == null ? null : scope.accountId() + ":" + requestKey;
        Uni<AccountEntity> earlier = scopedKey == null ? Uni.createFrom().nullItem() : accounts.findByRequestKey(scopedKey);
        return earlier.chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found.id);
            }
            return regions.find(in.regionCode()).chain(region -> {
                if (region == null) {
                    throw ApiException.invalid("regionCode", "区划不存在：" + in.regionCode());
                }
                String hash = index.of(PHONE, in.phone());
                return accounts.findByPhoneHash(hash).chain(existing -> {
                    if (existing != null) {
                        throw new ApiException(409, "conflict", "与现有数据冲突", "该手机号已有账号",
                                List.of(new FieldError("phone", "该手机号已有账号")));
                    }
                    AccountEntity a = new AccountEntity();
                    a.name = in.name().trim();
                    a.phoneEnc = cipher.encrypt(in.phone());
                    a.phoneHash = hash;
                    a.regionCode = in.regionCode();
                    a.role = in.role();
                    a.position = blankToNull(in.position());
                    a.status = AccountStatus.ACTIVE;
                    a.requestKey = scopedKey;
                    a.createdAt = OffsetDateTime.now(clock);
                    a.createdBy = scope.accountId();
                    return accounts.persist(a)
                            .call(saved -> events.append(saved.id, AccountEventType.CREATED, scope, null))
                            .map(saved -> saved.id);
                });
            });
        });
    }

    /** One page of staff accounts under the caller's region. */
    @WithSession
    public Uni<AccountPage> list(Scope scope, AccountRepository.Filter filter) {
        scope.requireRole(READERS);
        String regionLike = scope.likePattern();
        if (filter.regionCode() != null) {
            if (!RegionCodes.isValid(filter.regionCode())) {
                throw ApiException.invalid("region", "区划代码应为 12 位数字");
            }
            scope.requireCovers(filter.regionCode());
            regionLike = RegionCodes.prefix(filter.regionCode()) + "%";
        }
        return accounts.listStaff(scope, regionLike, filter).chain(rows -> {
            boolean more = rows.size() > filter.limit();
            List<AccountEntity> page = more ? rows.subList(0, filter.limit()) : rows;
            return views(page).map(items -> new AccountPage(items, more ? page.get(page.size() - 1).id : null));
        });
    }

    /** One account under the caller's region; others are "not found". */
    @WithSession
    public Uni<Account> get(Scope scope, long id) {
        scope.requireRole(READERS);
        return inScope(scope, id).chain(this::view);
    }

    @WithSession
    public Uni<List<AccountEvent>> events(Scope scope, long id) {
        scope.requireRole(READERS);
        return inScope(scope, id).chain(a -> events.ofAccount(a.id))
                .map(l -> l.stream().map(AccountEventEntity::view).toList());
    }

    /** Disables an account and revokes all its refresh tokens at once. */
    public Uni<Account> disable(Scope scope, long id, String reason) {
        return changeStatus(scope, id, AccountStatus.DISABLED, reason)
                .call(() -> refreshTokens.revokeAll(Long.toString(id)))
                .chain(a -> get(scope, id));
    }

    public Uni<Account> enable(Scope scope, long id, String reason) {
        return changeStatus(scope, id, AccountStatus.ACTIVE, reason).chain(a -> get(scope, id));
    }

    @WithTransaction
    Uni<AccountEntity> changeStatus(Scope scope, long id, AccountStatus to, String reason) {
        scope.requireRole(Role.ACCOUNT_MANAGER);
        if (id == scope.accountId()) {
            throw ApiException.conflict("不能更改自己账号的状态");
        }
        return inScope(scope, id).chain(a -> {
            if (a.role == Role.FARMER) {
                throw ApiException.notFound("未找到该数据，或不在您的管辖范围内");
            }
            if (a.status == to) {
                throw ApiException.conflict(to == AccountStatus.DISABLED ? "账号已是停用状态" : "账号已是启用状态");
            }
            a.status = to;
            return events.append(a.id, to == AccountStatus.DISABLED ? AccountEventType.DISABLED : AccountEventType.ENABLED, scope, reason.trim())
                    .replaceWith(a);
        });
    }

    /** The signed-in account with its region path. */
    @WithSession
    public Uni<Me> me(Scope scope) {
        if (scope.role() == Role.API_CLIENT) {
            throw ApiException.forbidden("接入系统没有用户信息");
        }
        return accounts.findById(scope.accountId()).chain(a -> {
            if (a == null) {
                throw ApiException.unauthorized("账号不存在，请重新登录");
            }
            Uni<List<Region>> path = a.regionCode == null ? Uni.createFrom().item(List.of()) : regions.pathOf(a.regionCode);
            return path.map(p -> new Me(a.id, a.name, a.role, a.position, a.regionCode,
                    a.regionCode == null ? 0 : RegionCodes.level(a.regionCode), a.householdId,
                    Masking.phone(cipher.decrypt(a.phoneEnc)), p));
        });
    }

    /** Cadre login: the phone WeChat vouched for must belong to an active staff account. */
    @WithTransaction
    public Uni<Principal> loginByPhone(String phone, String openid) {
        return accounts.findByPhoneHash(index.of(PHONE, phone)).chain(a -> {
            if (a == null || !a.role.isStaff()) {
                throw ApiException.forbidden("该手机号未登记为干部账号，请联系账号管理员");
            }
            requireActive(a);
            if (openid == null || openid.equals(a.wechatOpenid)) {
                return Uni.createFrom().item(principal(a));
            }
            return accounts.findByOpenid(openid).chain(other -> {
                if (other != null || a.wechatOpenid != null) {
                    return Uni.createFrom().item(principal(a));
                }
                a.wechatOpenid = openid;
                return events.append(a.id, AccountEventType.LOGIN_BOUND, null, "微信号绑定到账号").replaceWith(principal(a));
            });
        });
    }

    /** Farmer login: finds the account of this WeChat user, creating it on first login. */
    @WithTransaction
    public Uni<Principal> loginFarmer(String openid, String unionid) {
        return accounts.findByOpenid(openid).chain(a -> {
            if (a != null) {
                requireActive(a);
                return Uni.createFrom().item(principal(a));
            }
            AccountEntity n = new AccountEntity();
            n.name = "微信用户";
            n.role = Role.FARMER;
            n.status = AccountStatus.ACTIVE;
            n.wechatOpenid = openid;
            n.wechatUnionid = unionid;
            n.createdAt = OffsetDateTime.now(clock);
            return accounts.persist(n).call(saved -> events.append(saved.id, AccountEventType.CREATED, null, "微信首次登录"))
                    .map(AccountService::principal);
        });
    }

    /** The principal of an active account (refresh, development login); fails with 401 otherwise. */
    @WithSession
    public Uni<Principal> principalOf(long id) {
        return accounts.findById(id).map(a -> {
            if (a == null) {
                throw ApiException.unauthorized("账号不存在，请重新登录");
            }
            requireActive(a);
            return principal(a);
        });
    }

    /** Binds a farmer account to a household (and its village); recorded as an account event. */
    @WithTransaction
    public Uni<Principal> bindHousehold(long accountId, long householdId, long memberId, String villageCode, String memberName) {
        return accounts.findById(accountId).chain(a -> {
            if (a == null || a.role != Role.FARMER) {
                throw ApiException.forbidden("只有农户可以绑定农户");
            }
            requireActive(a);
            if (a.householdId != null) {
                throw ApiException.conflict("您已绑定农户");
            }
            a.householdId = householdId;
            a.memberId = memberId;
            a.regionCode = villageCode;
            if ("微信用户".equals(a.name)) {
                a.name = memberName;
            }
            return events.append(a.id, AccountEventType.HOUSEHOLD_BOUND, null, "农户核对身份后绑定").replaceWith(principal(a));
        });
    }

    /** The household member a farmer account is bound as, or null. */
    @WithSession
    public Uni<Long> boundMember(long accountId) {
        return accounts.findById(accountId).map(a -> a == null ? null : a.memberId);
    }

    /** Active accounts for the development login page, oldest first. */
    @WithSession
    public Uni<List<Account>> firstActive(int limit) {
        return accounts.firstActive(limit).chain(this::views);
    }

    /** The first {@code first} active accounts (the demo's) and the {@code latest} newest made since, once each. */
    @WithSession
    public Uni<List<Account>> forDevLogin(int first, int latest) {
        return accounts.firstActive(first).chain(head -> accounts.latestActive(latest).map(tail -> {
            java.util.Map<Long, AccountEntity> both = new java.util.LinkedHashMap<>();
            head.forEach(a -> both.put(a.id, a));
            for (int i = tail.size() - 1; i >= 0; i--) {
                both.putIfAbsent(tail.get(i).id, tail.get(i));
            }
            return List.copyOf(both.values());
        })).chain(this::views);
    }

    /** Creates an account without a caller (demo data, first administrator). */
    @WithTransaction
    public Uni<Long> seed(String name, String phone, String regionCode, Role role, String position, String openid) {
        AccountEntity a = new AccountEntity();
        a.name = name;
        a.phoneEnc = phone == null ? null : cipher.encrypt(phone);
        a.phoneHash = phone == null ? null : index.of(PHONE, phone);
        a.regionCode = regionCode;
        a.role = role;
        a.position = position;
        a.status = AccountStatus.ACTIVE;
        a.wechatOpenid = openid;
        a.createdAt = OffsetDateTime.now(clock);
        return accounts.persist(a).call(saved -> events.append(saved.id, AccountEventType.CREATED, null, "初始化数据")).map(saved -> saved.id);
    }

    /**
     * The names of the given accounts, for lists of who did something (names only, never phones); ids without an
     * account are left out. No scope check: the caller has already decided that it may show these people.
     */
    @WithSession
    public Uni<Map<Long, String>> names(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return accounts.getSession().chain(s -> s.createSelectionQuery(
                        "select a.id, a.name from AccountEntity a where a.id in :ids", Object[].class)
                .setParameter("ids", List.copyOf(ids)).getResultList())
                .map(rows -> {
                    Map<Long, String> out = new java.util.HashMap<>();
                    rows.forEach(r -> out.put((Long) r[0], (String) r[1]));
                    return out;
                });
    }

    @WithSession
    public Uni<Long> count() {
        return accounts.count();
    }

    private Uni<AccountEntity> inScope(Scope scope, long id) {
        return accounts.findInScope(scope, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("未找到该数据，或不在您的管辖范围内"));
    }

    private static void requireActive(AccountEntity a) {
        if (a.status != AccountStatus.ACTIVE) {
            throw ApiException.forbidden("账号已停用，请联系账号管理员");
        }
    }

    private static Principal principal(AccountEntity a) {
        return Principal.account(a.id, a.role, a.regionCode, a.householdId);
    }

    private Uni<Account> view(AccountEntity a) {
        return views(List.of(a)).map(l -> l.get(0));
    }

    private Uni<List<Account>> views(List<AccountEntity> list) {
        return regions.names(list.stream().map(a -> a.regionCode).toList()).map(names -> list.stream()
                .map(a -> toView(a, names)).toList());
    }

    private Account toView(AccountEntity a, Map<String, String> names) {
        return new Account(a.id, a.name, Masking.phone(cipher.decrypt(a.phoneEnc)), a.regionCode,
                names.getOrDefault(a.regionCode, ""), a.regionCode == null ? 0 : RegionCodes.level(a.regionCode),
                a.role, a.position, a.status, a.createdAt);
    }

    static String levelName(int level) {
        return switch (level) {
            case 1 -> "省级";
            case 2 -> "市级";
            case 3 -> "县级";
            case 4 -> "乡镇级";
            default -> "村级";
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
