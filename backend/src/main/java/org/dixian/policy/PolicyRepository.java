package org.dixian.policy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.persistence.Actor;

import java.time.OffsetDateTime;
import java.util.List;

/** Policies and their conditions versions, in the current Hibernate Reactive session. */
@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<PolicyEntity, Long> {
    static final String NOT_FOUND = "未找到该政策，或不在您的查看范围内";

    /** The policy if the viewer may see it (see {@link Viewer}), else 404. */
    public Uni<PolicyEntity> requireVisible(Viewer viewer, long id) {
        Parameters p = Parameters.with("id", id).and("today", viewer.today()).and("ancestors", viewer.ancestors())
                .and("from", viewer.range()[0]).and("to", viewer.range()[1]).and("cadre", viewer.cadre());
        return find("from PolicyEntity p where p.id = :id and ((p.status = org.dixian.policy.PolicyStatus.PUBLISHED "
                        + "and p.effectiveFrom <= :today and (p.effectiveTo is null or p.effectiveTo >= :today) "
                        + "and p.regionCode in :ancestors) or (:cadre = true and p.regionCode >= :from and p.regionCode < :to))", p)
                .firstResult().onItem().ifNull().failWith(() -> ApiException.notFound(NOT_FOUND));
    }

    public Uni<PolicyEntity> findByRequestKey(String key) {
        return find("requestKey", key).firstResult();
    }

    /** The conditions (JSON) of one version; null for a general policy. */
    public Uni<String> conditions(long policyId, int version) {
        return getSession().chain(s -> s.createNativeQuery(
                        "select cast(conditions as text) from policy_conditions where policy_id = :p and version = :v", String.class)
                .setParameter("p", policyId).setParameter("v", version).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Appends a conditions version (the table refuses changes to earlier ones). */
    public Uni<Void> addConditions(long policyId, int version, String json, Actor actor, OffsetDateTime at) {
        return getSession().chain(s -> s.createNativeQuery("""
                        insert into policy_conditions (policy_id, version, conditions, created_at, actor_id, actor_role, actor_region)
                        values (:p, :v, cast(cast(:c as text) as jsonb), :at, :aid, :role, cast(:region as char(12)))
                        """).setParameter("p", policyId).setParameter("v", version).setParameter("c", json)
                .setParameter("at", at).setParameter("aid", actor.id).setParameter("role", actor.role.name())
                .setParameter("region", actor.region).executeUpdate()).replaceWithVoid();
    }

    /** Marks these households NOTIFIED where they have no reach row yet; answers those newly marked. */
    public Uni<List<Long>> markNotified(long policyId, List<Long> householdIds, Actor actor, OffsetDateTime at) {
        if (householdIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(s -> s.createNativeQuery("""
                        with up as (
                            insert into policy_reach (policy_id, household_id, region_code, status, updated_at)
                            select :p, h.id, h.region_code, 'NOTIFIED', :at from household h where h.id in (:ids)
                            on conflict (policy_id, household_id) do nothing
                            returning household_id
                        ), ev as (
                            insert into policy_reach_event (policy_id, household_id, status, actor_id, actor_role, actor_region, at)
                            select :p, household_id, 'NOTIFIED', :aid, :role, cast(:region as char(12)), :at from up
                        )
                        select household_id from up order by household_id
                        """, Long.class).setParameter("p", policyId).setParameter("ids", householdIds)
                .setParameter("at", at).setParameter("aid", actor.id).setParameter("role", actor.role.name())
                .setParameter("region", actor.region).getResultList());
    }

    /** The enabled farmer accounts bound to these households. */
    public Uni<List<Long>> farmerAccounts(List<Long> householdIds) {
        if (householdIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(s -> s.createNativeQuery(
                        "select a.id from account a where a.household_id in (:ids) and a.role = 'FARMER' and a.status = 'ACTIVE' order by a.id",
                        Long.class).setParameter("ids", householdIds).getResultList());
    }
}
