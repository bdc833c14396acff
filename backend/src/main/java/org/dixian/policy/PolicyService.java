package org.dixian.policy;

import org.dixian.platform.text.RichText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.media.MediaService;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.errors.FieldError;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.persistence.Actor;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Policy documents (src-docs/policies.md): drafted, edited, published and withdrawn by the province, city and
 * county cadres of the issuing region; read by farmers and cadres of that region and below while in force; searched
 * in Chinese. Every step is a policy event; every change of the conditions a new conditions version.
 */
@ApplicationScoped
public class PolicyService {
    /** Who publishes: the cadres of a county and above, for their own region. */
    static final Role[] PUBLISHERS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE};
    /** Who reads as a cadre: every working cadre role (account managers and clients have no policy access). */
    static final Role[] CADRES = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.TOWNSHIP_CADRE,
            Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE};

    private final PolicyRepository policies;
    private final PolicyEventRepository events;
    private final PolicyReads reads;
    private final MediaService media;
    private final RegionService regions;
    private final Idempotency idempotency;
    private final ObjectMapper json;
    private final Clock clock;

    public PolicyService(PolicyRepository policies, PolicyEventRepository events, PolicyReads reads, MediaService media,
                         RegionService regions, Idempotency idempotency, ObjectMapper json, Clock clock) {
        this.policies = policies;
        this.events = events;
        this.reads = reads;
        this.media = media;
        this.regions = regions;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    // ---- who is reading ----

    /** The caller as a policy reader; a farmer without a bound household is refused (403). */
    Uni<Viewer> viewer(Scope scope) {
        LocalDate today = LocalDate.now(clock);
        if (scope.role() == Role.FARMER) {
            if (scope.householdId() == null) {
                return Uni.createFrom().failure(ApiException.forbidden("请先绑定农户"));
            }
            return reads.householdRegion(scope.householdId()).map(region -> {
                if (region == null) {
                    throw ApiException.notFound("未找到您绑定的农户");
                }
                return new Viewer(region, false, today, scope.householdId());
            });
        }
        scope.requireRole(CADRES);
        return Uni.createFrom().item(new Viewer(scope.regionCode(), true, today, null));
    }

    // ---- reading ----

    /** The policies the caller sees, by category, status and words, with the hits marked. */
    public Uni<PolicyPage> list(Scope scope, String q, PolicyCategory category, PolicyStatus status, int offset, int limit) {
        return viewer(scope).chain(v -> {
            if (!v.cadre() && status != null && status != PolicyStatus.PUBLISHED) {
                throw ApiException.forbidden("草稿和已撤回的政策仅干部可查");
            }
            String words = q == null || q.isBlank() ? null : q.strip();
            return reads.search(v, words, category, status, false, offset, limit)
                    .chain(found -> summaries(found.items(), words).map(items -> new PolicyPage(items, found.total())));
        });
    }

    Uni<List<PolicySummary>> summaries(List<PolicyReads.Listed> items, String q) {
        return regions.names(items.stream().map(PolicyReads.Listed::regionCode).distinct().toList())
                .map(names -> items.stream().map(p -> new PolicySummary(p.id(), p.title(), p.docNo(), p.issuer(),
                        p.regionCode(), names.get(p.regionCode()), p.category(), p.status(), p.effectiveFrom(),
                        p.effectiveTo(), p.summary(), p.benefit(), p.publishedAt(), TextParts.split(p.title(), q),
                        TextParts.split(p.summary(), q))).toList());
    }

    /** One policy; a farmer's read marks the household's reach VIEWED (never lowering it). */
    public Uni<Policy> get(Scope scope, long id) {
        return viewer(scope).chain(v -> loadVisible(v, id).call(p -> {
            if (v.cadre()) {
                return Uni.createFrom().voidItem();
            }
            Actor actor = Actor.of(scope);
            return reads.householdRegion(v.householdId()).chain(region -> reads.raise(id, v.householdId(), region,
                    PolicyReachStatus.VIEWED, null, actor, OffsetDateTime.now(clock)));
        })).chain(p -> withReach(scope, p));
    }

    /**
     * Whether the caller sees the policy exactly as {@link #get} would (published and in force for its region, or
     * any state for the cadres of the issuing region and above) and {@code mediaId} is one of its attachments; runs in
     * the caller's session, false for anything out of sight.
     */
    Uni<Boolean> attachmentReadable(Scope scope, long id, long mediaId) {
        return Uni.createFrom().deferred(() -> viewer(scope))
                .chain(v -> policies.requireVisible(v, id))
                .map(p -> p.attachmentIds != null && p.attachmentIds.contains(mediaId))
                .onFailure(ApiException.class).recoverWithItem(false);
    }

    @WithSession
    Uni<Policy> loadVisible(Viewer v, long id) {
        return policies.requireVisible(v, id).chain(this::view);
    }

    private Uni<Policy> withReach(Scope scope, Policy p) {
        if (scope.role() == Role.FARMER) {
            return Uni.createFrom().item(p);
        }
        return reads.reachCounts(p.id(), scope.regionRange()).map(reach -> new Policy(p.id(), p.title(), p.docNo(),
                p.issuer(), p.regionCode(), p.regionName(), p.category(), p.status(), p.effectiveFrom(), p.effectiveTo(),
                p.summary(), p.benefit(), p.body(), p.attachmentIds(), p.conditions(), p.conditionsText(),
                p.conditionsVersion(), p.publishedAt(), p.withdrawnAt(), p.createdAt(), p.version(), p.events(), reach));
    }

    /** The policy as shown (without reach counts), in the current session. */
    Uni<Policy> view(PolicyEntity p) {
        return events.of(p.id).chain(evs -> policies.conditions(p.id, p.conditionsVersion).chain(text -> {
            PolicyCondition c = parse(text);
            List<String> codes = Stream.concat(Stream.of(p.regionCode), c == null ? Stream.empty()
                    : ConditionRules.regionCodes(c).stream()).distinct().toList();
            return regions.names(codes).map(names -> new Policy(p.id, p.title, p.docNo, p.issuer, p.regionCode,
                    names.get(p.regionCode), p.category, p.status, p.effectiveFrom, p.effectiveTo, p.summary, p.benefit,
                    p.body, p.attachmentIds == null ? List.of() : List.copyOf(p.attachmentIds), c,
                    c == null ? null : ConditionRules.describe(c, code -> names.getOrDefault(code, code)),
                    p.conditionsVersion, p.publishedAt, p.withdrawnAt, p.createdAt, p.version,
                    evs.stream().map(PolicyEventEntity::view).toList(), null));
        }));
    }

    /** Validates conditions and answers them in Chinese (editor preview). */
    public Uni<ConditionsText> describe(Scope scope, PolicyCondition conditions) {
        scope.requireRole(CADRES);
        requireValid(List.of(), conditions);
        return describe(conditions).map(ConditionsText::new);
    }

    Uni<String> describe(PolicyCondition c) {
        return regions.names(ConditionRules.regionCodes(c)).map(names -> ConditionRules.describe(c, code -> names.getOrDefault(code, code)));
    }

    // ---- writing ----

    /** A new draft of the caller's own region; retry-safe with an Idempotency-Key. */
    public Uni<Policy> create(Scope scope, NewPolicy in, String idempotencyKey) {
        scope.requireRole(PUBLISHERS);
        List<FieldError> errors = new ArrayList<>();
        if (!in.regionCode().equals(scope.regionCode())) {
            errors.add(new FieldError("regionCode", "只能以本级区划（" + scope.regionCode() + "）发布政策"));
        }
        dates(in.effectiveFrom(), in.effectiveTo(), errors);
        requireValid(errors, in.conditions());
        String requestKey = idempotencyKey == null || idempotencyKey.isBlank() ? null : scope.accountId() + ":" + idempotencyKey;
        return idempotency.once("policy:" + scope.accountId(), idempotencyKey, () -> insert(scope, in, requestKey),
                id -> viewer(scope).chain(v -> loadVisible(v, id)).chain(p -> withReach(scope, p)));
    }

    @WithTransaction
    Uni<Long> insert(Scope scope, NewPolicy in, String requestKey) {
        Uni<PolicyEntity> earlier = requestKey == null ? Uni.createFrom().nullItem() : policies.findByRequestKey(requestKey);
        return earlier.chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found.id);
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            PolicyEntity p = new PolicyEntity();
            p.title = in.title().strip();
            p.docNo = blankToNull(in.docNo());
            p.issuer = in.issuer().strip();
            p.regionCode = in.regionCode();
            p.category = in.category();
            p.status = PolicyStatus.DRAFT;
            p.effectiveFrom = in.effectiveFrom();
            p.effectiveTo = in.effectiveTo();
            p.summary = in.summary().strip();
            p.benefit = blankToNull(in.benefit());
            p.body = RichText.clean(in.body());
            p.bodyText = RichText.text(p.body);
            p.attachmentIds = new ArrayList<>(in.attachmentIds() == null ? List.of() : in.attachmentIds());
            p.conditionsVersion = 1;
            p.createdAt = now;
            p.updatedAt = now;
            p.requestKey = requestKey;
            return policies.persist(p)
                    .call(saved -> policies.addConditions(saved.id, 1, write(in.conditions()), Actor.of(scope), now))
                    .call(saved -> media.attach(scope, saved.attachmentIds, saved.regionCode, "policy:" + saved.id, "attachmentIds"))
                    .call(saved -> events.append(saved, "CREATED", scope, now, null, 1))
                    .map(saved -> saved.id);
        });
    }

    /** Edits a draft or a published policy (the reason is required once published); changed conditions get a new version. */
    @WithTransaction
    public Uni<Policy> update(Scope scope, long id, PolicyUpdate in) {
        scope.requireRole(PUBLISHERS);
        List<FieldError> errors = new ArrayList<>();
        dates(in.effectiveFrom(), in.effectiveTo(), errors);
        requireValid(errors, in.conditions());
        return own(scope, id, in.version()).chain(p -> {
            if (p.status == PolicyStatus.WITHDRAWN) {
                throw ApiException.conflict("已撤回的政策不能修改");
            }
            String reason = blankToNull(in.reason());
            if (p.status == PolicyStatus.PUBLISHED && reason == null) {
                throw ApiException.invalid("reason", "修改已发布的政策请填写修改说明");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            String conditions = write(in.conditions());
            return policies.conditions(p.id, p.conditionsVersion).chain(current -> {
                boolean changed = !Objects.equals(canonical(current), canonical(conditions));
                List<Long> before = p.attachmentIds == null ? List.of() : List.copyOf(p.attachmentIds);
                List<Long> after = in.attachmentIds() == null ? List.of() : List.copyOf(in.attachmentIds());
                List<Long> added = after.stream().filter(x -> !before.contains(x)).toList();
                p.title = in.title().strip();
                p.docNo = blankToNull(in.docNo());
                p.issuer = in.issuer().strip();
                p.category = in.category();
                p.effectiveFrom = in.effectiveFrom();
                p.effectiveTo = in.effectiveTo();
                p.summary = in.summary().strip();
                p.benefit = blankToNull(in.benefit());
                p.body = RichText.clean(in.body());
                p.bodyText = RichText.text(p.body);
                p.attachmentIds = new ArrayList<>(after);
                p.updatedAt = now;
                if (changed) {
                    p.conditionsVersion++;
                }
                Uni<Void> step = changed ? policies.addConditions(p.id, p.conditionsVersion, conditions, Actor.of(scope), now)
                        : Uni.createFrom().voidItem();
                return step.chain(() -> media.attach(scope, added, p.regionCode, "policy:" + p.id, "attachmentIds"))
                        .chain(() -> events.append(p, "UPDATED", scope, now, reason, p.conditionsVersion))
                        .chain(() -> done(scope, p));
            });
        });
    }

    @WithTransaction
    public Uni<Policy> publish(Scope scope, long id, PolicyVersion in) {
        scope.requireRole(PUBLISHERS);
        return own(scope, id, in.version()).chain(p -> {
            if (p.status != PolicyStatus.DRAFT) {
                throw ApiException.conflict("只有草稿可以发布，该政策" + statusName(p.status));
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            p.status = PolicyStatus.PUBLISHED;
            p.publishedAt = now;
            p.updatedAt = now;
            return events.append(p, "PUBLISHED", scope, now, null, p.conditionsVersion).chain(() -> done(scope, p));
        });
    }

    @WithTransaction
    public Uni<Policy> withdraw(Scope scope, long id, PolicyVersionReason in) {
        scope.requireRole(PUBLISHERS);
        return own(scope, id, in.version()).chain(p -> {
            if (p.status != PolicyStatus.PUBLISHED) {
                throw ApiException.conflict("只有已发布的政策可以撤回，该政策" + statusName(p.status));
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            p.status = PolicyStatus.WITHDRAWN;
            p.withdrawnAt = now;
            p.updatedAt = now;
            return events.append(p, "WITHDRAWN", scope, now, in.reason().strip(), p.conditionsVersion).chain(() -> done(scope, p));
        });
    }

    /** A policy of the caller's own region at the version read: 404 out of sight, 403 another region's, 409 stale. */
    private Uni<PolicyEntity> own(Scope scope, long id, int version) {
        Viewer v = new Viewer(scope.regionCode(), true, LocalDate.now(clock), null);
        return policies.requireVisible(v, id).invoke(p -> {
            if (!p.regionCode.equals(scope.regionCode())) {
                throw ApiException.forbidden("只能修改本级发布的政策");
            }
            if (p.version != version) {
                throw ApiException.conflict("政策已被他人修改，请刷新后重试");
            }
        });
    }

    private Uni<Policy> done(Scope scope, PolicyEntity p) {
        return policies.flush().chain(() -> view(p)).chain(v -> withReach(scope, v));
    }

    // ---- helpers ----

    private static void dates(LocalDate from, LocalDate to, List<FieldError> errors) {
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("effectiveTo", "失效日期不能早于生效日期"));
        }
    }

    private static void requireValid(List<FieldError> earlier, PolicyCondition conditions) {
        List<FieldError> errors = new ArrayList<>(earlier);
        if (conditions != null) {
            errors.addAll(ConditionRules.validate(conditions, "conditions"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    String write(PolicyCondition c) {
        if (c == null) {
            return null;
        }
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    PolicyCondition parse(String text) {
        if (text == null || text.isBlank() || text.equals("null")) {
            return null;
        }
        try {
            return json.readValue(text, PolicyCondition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conditions unreadable", e);
        }
    }

    /** The same tree in one spelling (jsonb reorders keys), for telling whether conditions changed. */
    private String canonical(String text) {
        return write(parse(text));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String statusName(PolicyStatus s) {
        return switch (s) {
            case DRAFT -> "是草稿";
            case PUBLISHED -> "已发布";
            case WITHDRAWN -> "已撤回";
        };
    }

    static Map<String, String> noNames() {
        return Map.of();
    }
}
