package org.dixian.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.notification.Notifications;
import org.dixian.platform.crypto.Masking;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.persistence.Actor;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 政策找人 and "policies for me": a policy's conditions evaluated for one household in Java (explain, for me, the
 * reasons of a list) and for a whole region in SQL (matches, export, notify); the reach of each household.
 */
@ApplicationScoped
public class PolicyMatchService {
    private static final int CHUNK = 1000;

    private final PolicyService policies;
    private final PolicyRepository repository;
    private final PolicyEventRepository events;
    private final PolicyReads reads;
    private final Thresholds thresholds;
    private final Notifications notifications;
    private final RegionService regions;
    private final Idempotency idempotency;
    private final ObjectMapper json;
    private final Clock clock;

    public PolicyMatchService(PolicyService policies, PolicyRepository repository, PolicyEventRepository events,
                              PolicyReads reads, Thresholds thresholds, Notifications notifications,
                              RegionService regions, Idempotency idempotency, ObjectMapper json, Clock clock) {
        this.policies = policies;
        this.repository = repository;
        this.events = events;
        this.reads = reads;
        this.thresholds = thresholds;
        this.notifications = notifications;
        this.regions = regions;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    private Explainer explainer(Map<String, String> names) {
        return new Explainer(new JavaEvaluator(LocalDate.now(clock), thresholds), code -> names.getOrDefault(code, code));
    }

    private Uni<Explainer> explainer(PolicyCondition c) {
        return regions.names(ConditionRules.regionCodes(c)).map(this::explainer);
    }

    // ---- one household ----

    /** Why the household does or does not meet the policy: farmers for their own household, cadres in their region. */
    public Uni<PolicyExplanation> explain(Scope scope, long policyId, Long householdId) {
        return policies.viewer(scope).chain(v -> policies.loadVisible(v, policyId).chain(p -> {
            long hh;
            if (!v.cadre()) {
                if (householdId != null && householdId.longValue() != v.householdId()) {
                    throw ApiException.notFound("未找到该农户，或不在您的管辖范围内");
                }
                hh = v.householdId();
            } else if (householdId == null) {
                throw ApiException.invalid("householdId", "请指定农户");
            } else {
                hh = householdId;
            }
            return reads.facts(List.of(hh)).chain(found -> {
                if (found.isEmpty() || (v.cadre() && !scope.covers(found.get(0).regionCode()))) {
                    throw ApiException.notFound("未找到该农户，或不在您的管辖范围内");
                }
                HouseholdFacts h = found.get(0);
                return regions.names(List.of(p.regionCode())).map(n -> n.getOrDefault(p.regionCode(), p.regionCode()))
                        .chain(regionName -> explanation(p, h, regionName));
            });
        }));
    }

    private Uni<PolicyExplanation> explanation(Policy p, HouseholdFacts h, String regionName) {
        PolicyCheck inRegion = new PolicyCheck("属于" + regionName + "范围内", RegionCodes.covers(p.regionCode(), h.regionCode()));
        if (p.conditions() == null) {
            String reason = inRegion.met() ? "本政策未设适用条件，" + regionName + "的农户均可了解" : "不在本政策适用区划内";
            return Uni.createFrom().item(new PolicyExplanation(p.id(), h.id(), inRegion.met(), reason, List.of(inRegion),
                    inRegion.met() ? List.of() : List.of(inRegion.text())));
        }
        return explainer(p.conditions()).map(ex -> {
            Explainer.Result r = ex.explain(p.conditions(), h);
            List<PolicyCheck> checks = new ArrayList<>();
            checks.add(inRegion);
            checks.addAll(r.checks());
            List<String> missing = new ArrayList<>();
            if (!inRegion.met()) {
                missing.add(inRegion.text());
            }
            missing.addAll(r.missing());
            boolean eligible = inRegion.met() && r.eligible();
            String reason = eligible ? r.reason() : "不符合：" + String.join("；", missing);
            return new PolicyExplanation(p.id(), h.id(), eligible, reason, checks, missing);
        });
    }

    /** The bound farmer's eligible and nearly met policies among those in force with conditions. */
    public Uni<PoliciesForMe> forMe(Scope scope) {
        scope.requireRole(Role.FARMER);
        return policies.viewer(scope).chain(v -> reads.search(v, null, null, PolicyStatus.PUBLISHED, true, 0, 500)
                .chain(found -> {
                    List<Long> ids = found.items().stream().map(PolicyReads.Listed::id).toList();
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(new PoliciesForMe(v.householdId(), List.of(), List.of()));
                    }
                    return reads.conditionsOf(ids).chain(conditions -> reads.facts(List.of(v.householdId())).chain(facts -> {
                        if (facts.isEmpty()) {
                            throw ApiException.notFound("未找到您绑定的农户");
                        }
                        Map<Long, PolicyCondition> trees = new HashMap<>();
                        List<String> codes = new ArrayList<>();
                        conditions.forEach((id, text) -> {
                            PolicyCondition c = policies.parse(text);
                            trees.put(id, c);
                            codes.addAll(ConditionRules.regionCodes(c));
                        });
                        return regions.names(codes).chain(names -> {
                            Explainer ex = explainer(names);
                            List<PolicyReads.Listed> eligible = new ArrayList<>();
                            List<PolicyReads.Listed> nearly = new ArrayList<>();
                            Map<Long, Explainer.Result> results = new HashMap<>();
                            for (PolicyReads.Listed p : found.items()) {
                                PolicyCondition c = trees.get(p.id());
                                if (c == null) {
                                    continue;
                                }
                                Explainer.Result r = ex.explain(c, facts.get(0));
                                results.put(p.id(), r);
                                if (r.eligible()) {
                                    eligible.add(p);
                                } else if (r.nearlyMet()) {
                                    nearly.add(p);
                                }
                            }
                            return policies.summaries(eligible, null).chain(es -> policies.summaries(nearly, null).map(ns ->
                                    new PoliciesForMe(v.householdId(),
                                            es.stream().map(s -> new PolicyFit(s, results.get(s.id()).reason(), List.of())).toList(),
                                            ns.stream().map(s -> {
                                                Explainer.Result r = results.get(s.id());
                                                String reason = r.met().isEmpty() ? "还差一项条件"
                                                        : "已符合：" + String.join("；", r.met()) + "；还差一项条件";
                                                return new PolicyFit(s, reason, r.missing());
                                            }).toList())));
                        });
                    }));
                }));
    }

    // ---- a whole region ----

    /** The policy, its conditions and the region evaluated, after the checks every region run shares. */
    record Run(Policy policy, String region, String[] range) {
    }

    private Uni<Run> run(Scope scope, long policyId, String region) {
        scope.requireRole(PolicyService.CADRES);
        String asked = region == null ? scope.regionCode() : region;
        if (!RegionCodes.isValid(asked)) {
            throw ApiException.invalid("region", "区划代码应为 12 位数字");
        }
        scope.requireCovers(asked);
        return policies.viewer(scope).chain(v -> policies.loadVisible(v, policyId)).map(p -> {
            if (p.conditions() == null) {
                throw ApiException.conflict("该政策未设适用条件，面向区划内所有农户，无需政策找人");
            }
            String effective;
            if (RegionCodes.covers(p.regionCode(), asked)) {
                effective = asked;
            } else if (RegionCodes.covers(asked, p.regionCode())) {
                effective = p.regionCode();
            } else {
                throw ApiException.invalid("region", "该区划不在政策适用范围内");
            }
            return new Run(p, effective, RegionCodes.range(effective));
        });
    }

    /** The eligible households of the region: counts, a page by household id, each with its reason. */
    public Uni<PolicyMatchPage> matches(Scope scope, long policyId, String region, String reach, Long after, int limit) {
        return run(scope, policyId, region).chain(r -> {
            LocalDate today = LocalDate.now(clock);
            return reads.countMatches(policyId, r.policy().conditions(), r.range(), today, thresholds)
                    .chain(counts -> reads.matches(policyId, r.policy().conditions(), r.range(), today, thresholds, reach,
                            after, limit + 1).chain(rows -> {
                        boolean more = rows.size() > limit;
                        List<PolicyReads.Matched> page = more ? rows.subList(0, limit) : rows;
                        return withReasons(r.policy(), page).map(items -> new PolicyMatchPage(policyId, r.region(),
                                counts.eligible(), counts.receiving(), counts.notReached(), items,
                                more ? page.get(page.size() - 1).householdId() : null));
                    }));
        });
    }

    /** Every eligible household of the region with its reason, chunk by chunk (for the Excel export). */
    public Uni<List<PolicyMatch>> allMatches(Scope scope, long policyId, String region) {
        return run(scope, policyId, region).chain(r -> {
            List<PolicyMatch> out = new ArrayList<>();
            return chunk(r, null, out).replaceWith(out);
        });
    }

    private Uni<Void> chunk(Run r, Long after, List<PolicyMatch> out) {
        return reads.matches(r.policy().id(), r.policy().conditions(), r.range(), LocalDate.now(clock), thresholds, null,
                after, CHUNK).chain(rows -> withReasons(r.policy(), rows).chain(items -> {
            out.addAll(items);
            if (rows.size() < CHUNK) {
                return Uni.createFrom().voidItem();
            }
            return chunk(r, rows.get(rows.size() - 1).householdId(), out);
        }));
    }


    private Uni<List<PolicyMatch>> withReasons(Policy p, List<PolicyReads.Matched> rows) {
        List<Long> ids = rows.stream().map(PolicyReads.Matched::householdId).toList();
        List<String> codes = new ArrayList<>(ConditionRules.regionCodes(p.conditions()));
        rows.forEach(m -> codes.add(m.regionCode()));
        return reads.facts(ids).chain(facts -> regions.names(codes.stream().distinct().toList()).map(names -> {
            Explainer ex = explainer(names);
            Map<Long, HouseholdFacts> byId = new HashMap<>();
            facts.forEach(f -> byId.put(f.id(), f));
            String general = "符合：" + ex.text(p.conditions());
            return rows.stream().map(m -> {
                HouseholdFacts f = byId.get(m.householdId());
                Explainer.Result res = f == null ? null : ex.explain(p.conditions(), f);
                return new PolicyMatch(m.householdId(), m.householdNo(), Masking.name(m.headName()), m.regionCode(),
                        names.get(m.regionCode()), m.reach(), res != null && res.eligible() ? res.reason() : general);
            }).toList();
        }));
    }

    // ---- push ----

    /**
     * Tells the eligible households of the region that were not reached yet: a reach row NOTIFIED and a message to
     * each bound farmer account (in-app and WeChat). Households without a bound farmer get no row, so a later push
     * reaches them once they bind. Retry-safe with an Idempotency-Key; a second push tells nobody twice anyway.
     */
    public Uni<PolicyNotifyResult> notify(Scope scope, long policyId, String region, String idempotencyKey) {
        return run(scope, policyId, region).chain(r -> {
            Policy p = r.policy();
            if (p.status() != PolicyStatus.PUBLISHED) {
                throw ApiException.conflict("只有已发布的政策可以推送");
            }
            if (!RegionCodes.covers(p.regionCode(), scope.regionCode())) {
                throw ApiException.forbidden("只有发布区划及其下级的干部可以推送该政策");
            }
            String requestKey = idempotencyKey == null || idempotencyKey.isBlank() ? null
                    : scope.accountId() + ":" + idempotencyKey;
            return idempotency.once("policy-notify:" + scope.accountId(), idempotencyKey,
                    () -> push(scope, r, requestKey), this::result);
        });
    }

    private Uni<Long> push(Scope scope, Run r, String requestKey) {
        LocalDate today = LocalDate.now(clock);
        return reads.notifyPlan(r.policy().id(), r.policy().conditions(), r.range(), today, thresholds)
                .chain(plan -> record(scope, r.policy(), plan, requestKey));
    }

    @WithTransaction
    Uni<Long> record(Scope scope, Policy p, PolicyReads.NotifyPlan plan, String requestKey) {
        Uni<PolicyEventEntity> earlier = requestKey == null ? Uni.createFrom().nullItem() : events.byRequestKey(requestKey);
        return earlier.chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found.id);
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            Actor actor = Actor.of(scope);
            List<Long> notified = new ArrayList<>();
            Uni<Void> steps = Uni.createFrom().voidItem();
            for (int i = 0; i < plan.toNotify().size(); i += CHUNK) {
                List<Long> part = plan.toNotify().subList(i, Math.min(plan.toNotify().size(), i + CHUNK));
                steps = steps.chain(() -> repository.markNotified(p.id(), part, actor, now)
                        .chain(marked -> {
                            notified.addAll(marked);
                            return repository.farmerAccounts(marked);
                        })
                        .chain(accounts -> notifications.toAccounts(accounts, "有一项政策可能适合您",
                                "「" + p.title() + "」，请查看是否符合条件", "/pages/policies/detail?id=" + p.id())));
            }
            return steps.chain(() -> {
                PolicyEventEntity e = new PolicyEventEntity();
                long already = plan.reached() + (plan.toNotify().size() - notified.size());
                PolicyNotifyResult result = new PolicyNotifyResult(plan.eligible(), notified.size(), already, plan.withoutAccount());
                e.policyId = p.id();
                e.type = "NOTIFIED";
                e.actor = actor;
                e.at = now;
                e.reason = "推送 " + notified.size() + " 户（符合 " + plan.eligible() + " 户，此前已触达 " + already
                        + " 户，未绑定小程序 " + plan.withoutAccount() + " 户）";
                e.conditionsVersion = p.conditionsVersion();
                e.data = write(result);
                e.requestKey = requestKey;
                return events.persist(e).map(saved -> saved.id);
            });
        });
    }

    @WithSession
    Uni<PolicyNotifyResult> result(long eventId) {
        return events.findById(eventId).map(e -> {
            try {
                return json.readValue(e.data, PolicyNotifyResult.class);
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reach ----

    /** A cadre of the household's region records that it applied for or receives the policy (never lowered). */
    public Uni<PolicyReach> mark(Scope scope, long policyId, long householdId, PolicyReachUpdate in) {
        scope.requireRole(PolicyService.CADRES);
        if (in.status() != PolicyReachStatus.APPLIED && in.status() != PolicyReachStatus.RECEIVING) {
            throw ApiException.invalid("status", "干部只能记录已申请（APPLIED）或已享受（RECEIVING）");
        }
        return policies.viewer(scope).chain(v -> policies.loadVisible(v, policyId)).chain(p -> {
            if (p.status() != PolicyStatus.PUBLISHED) {
                throw ApiException.conflict("只能为已发布的政策记录办理进展");
            }
            return reads.householdRegion(householdId).chain(region -> {
                if (region == null || !scope.covers(region)) {
                    throw ApiException.notFound("未找到该农户，或不在您的管辖范围内");
                }
                if (!RegionCodes.covers(p.regionCode(), region)) {
                    throw ApiException.invalid("householdId", "该户不在政策适用区划内");
                }
                String note = PolicyService.blankToNull(in.note());
                return reads.raise(policyId, householdId, region, in.status(), note, Actor.of(scope), OffsetDateTime.now(clock))
                        .chain(row -> row != null ? Uni.createFrom().item(row) : reads.reach(policyId, householdId).map(now -> {
                            throw ApiException.conflict("该户的办理进展已是「" + reachName(now.status()) + "」，不能回退或重复记录");
                        }));
            });
        });
    }

    static String reachName(PolicyReachStatus s) {
        return switch (s) {
            case NOTIFIED -> "已通知";
            case VIEWED -> "已查看";
            case APPLIED -> "已申请";
            case RECEIVING -> "已享受";
        };
    }
}
