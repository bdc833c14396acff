package org.dixian.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.util.List;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<AccountEntity, Long> {

    /** Filters of the staff list; null means "any". */
    public record Filter(String regionCode, Role role, AccountStatus status, String nameContains, Long after, int limit) {
    }

    /** An account under the caller's region, or null. */
    public Uni<AccountEntity> findInScope(Scope scope, long id) {
        return find("id = ?1 and regionCode like ?2", id, scope.likePattern()).firstResult();
    }

    public Uni<AccountEntity> findByPhoneHash(String hash) {
        return find("phoneHash", hash).firstResult();
    }

    public Uni<AccountEntity> findByOpenid(String openid) {
        return find("wechatOpenid", openid).firstResult();
    }

    public Uni<AccountEntity> findByRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }

    /** Staff accounts under the caller's region (and under filter.regionCode), keyset-paginated by id. */
    public Uni<List<AccountEntity>> listStaff(Scope scope, String regionLike, Filter f) {
        StringBuilder q = new StringBuilder("regionCode like :scope and regionCode like :region and role <> :farmer");
        Parameters p = Parameters.with("scope", scope.likePattern()).and("region", regionLike).and("farmer", Role.FARMER);
        if (f.role() != null) {
            q.append(" and role = :role");
            p.and("role", f.role());
        }
        if (f.status() != null) {
            q.append(" and status = :status");
            p.and("status", f.status());
        }
        if (f.nameContains() != null && !f.nameContains().isBlank()) {
            q.append(" and name like :name");
            p.and("name", "%" + f.nameContains().trim() + "%");
        }
        if (f.after() != null) {
            q.append(" and id > :after");
            p.and("after", f.after());
        }
        q.append(" order by id");
        return find(q.toString(), p).page(0, f.limit() + 1).list();
    }

    public Uni<List<AccountEntity>> firstActive(int limit) {
        return find("status = ?1 order by id", AccountStatus.ACTIVE).page(0, limit).list();
    }

    /** The newest active accounts made by people (not by the synthetic data load), newest first. */
    public Uni<List<AccountEntity>> latestActive(int limit) {
        return find("status = ?1 and (requestKey is null or requestKey not like 'synthetic:%') order by id desc",
                AccountStatus.ACTIVE).page(0, limit).list();
    }
}
