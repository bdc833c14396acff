package org.dixian.notice;

import org.dixian.policy.PolicyVersionReason;
import org.dixian.policy.PolicyVersion;
import org.dixian.policy.PolicyStatus;
import org.dixian.platform.text.RichText;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.account.AccountService;
import org.dixian.media.MediaService;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.idempotency.Idempotency;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Notices (通知公告) and public announcements (公示公告): drafted and published by the cadres of a township or above
 * for their own region and everything below it, withdrawn with a reason; read (and confirmed where asked) by the
 * cadres below and, for announcements, by the bound farmers of the villages below. Nobody is messaged one by one at
 * publication — a province has up to 470,000 accounts — the unread count on the workbench does that work.
 */
@ApplicationScoped
public class NoticeService {
    private final NoticeRepository notices;
    private final NoticeEventRepository events;
    private final NoticeReads reads;
    private final AccountService accounts;
    private final RegionService regions;
    private final MediaService media;
    private final Idempotency idempotency;
    private final Clock clock;

    public NoticeService(NoticeRepository notices, NoticeEventRepository events, NoticeReads reads, AccountService accounts,
                         RegionService regions, MediaService media, Idempotency idempotency, Clock clock) {
        this.notices = notices;
        this.events = events;
        this.reads = reads;
        this.accounts = accounts;
        this.regions = regions;
        this.media = media;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    // ---- publishing ----

    /** Drafts a notice for the caller's own region (a township or above); retry-safe with an Idempotency-Key. */
    public Uni<Notice> create(Scope scope, NewNotice in, String idempotencyKey) {
        scope.requireRole(NoticeRules.PUBLISHERS);
        if (!in.regionCode().equals(scope.regionCode())) {
            throw ApiException.invalid("regionCode", "只能以本人所在区划发布，通知面向本区划及下级");
        }
        if (in.title().isBlank()) {
            throw ApiException.invalid("title", "请填写标题");
        }
        String body = RichText.clean(in.body());
        if (!RichText.hasText(body)) {
            throw ApiException.invalid("body", "正文不能为空");
        }
        List<Long> attachments = in.attachmentIds() == null ? List.of() : in.attachmentIds();
        if (new HashSet<>(attachments).size() != attachments.size()) {
            throw ApiException.invalid("attachmentIds", "附件不能重复");
        }
        String requestKey = idempotencyKey == null || idempotencyKey.isBlank() ? null : scope.accountId() + ":" + idempotencyKey;
        // MediaService.attach checks, in the same transaction, that each photo is the caller's and not used yet.
        return idempotency.once("notice:" + scope.accountId(), idempotencyKey,
                () -> insert(scope, in, body, attachments, requestKey), id -> view(scope, id));
    }

    @WithTransaction
    Uni<Long> insert(Scope scope, NewNotice in, String body, List<Long> attachments, String requestKey) {
        Uni<NoticeEntity> earlier = requestKey == null ? Uni.createFrom().nullItem() : notices.findByRequestKey(requestKey);
        return earlier.chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found.id);
            }
            OffsetDateTime now = now();
            NoticeEntity n = new NoticeEntity();
            n.kind = in.kind();
            n.title = in.title().trim();
            n.body = body;
            n.regionCode = in.regionCode();
            n.requireConfirm = Boolean.TRUE.equals(in.requireConfirm());
            n.status = PolicyStatus.DRAFT;
            n.attachmentIds = new ArrayList<>(attachments);
            n.createdBy = scope.accountId();
            n.requestKey = requestKey;
            n.createdAt = now;
            n.updatedAt = now;
            return notices.persist(n)
                    .call(saved -> media.attach(scope, saved.attachmentIds, saved.regionCode, "notice:" + saved.id, "attachmentIds"))
                    .call(saved -> events.append(saved, "CREATED", scope, now, null))
                    .map(saved -> saved.id);
        });
    }

    /** Publishes a draft of the caller's own region, at the version read. */
    public Uni<Notice> publish(Scope scope, long id, PolicyVersion in) {
        scope.requireRole(NoticeRules.PUBLISHERS);
        return step(scope, id, in.version(), PolicyStatus.DRAFT, PolicyStatus.PUBLISHED, "PUBLISHED", null)
                .chain(() -> view(scope, id));
    }

    /** Withdraws a published notice of the caller's own region, with a reason, at the version read. */
    public Uni<Notice> withdraw(Scope scope, long id, PolicyVersionReason in) {
        scope.requireRole(NoticeRules.PUBLISHERS);
        return step(scope, id, in.version(), PolicyStatus.PUBLISHED, PolicyStatus.WITHDRAWN, "WITHDRAWN", in.reason().trim())
                .chain(() -> view(scope, id));
    }

    @WithTransaction
    Uni<Void> step(Scope scope, long id, int version, PolicyStatus from, PolicyStatus to, String type, String reason) {
        return notices.requireManaged(scope, id).chain(n -> {
            if (!NoticeRules.publishes(scope, n.regionCode)) {
                throw ApiException.forbidden("只有发布区划本级的干部可以发布或撤回该通知");
            }
            if (n.status != from) {
                throw ApiException.conflict("该通知当前" + statusName(n.status) + "，不能" + (to == PolicyStatus.PUBLISHED ? "发布" : "撤回"));
            }
            if (n.version != version) {
                throw ApiException.conflict("该通知已被他人修改，请刷新后重试");
            }
            OffsetDateTime now = now();
            n.status = to;
            n.updatedAt = now;
            if (to == PolicyStatus.PUBLISHED) {
                n.publishedAt = now;
            } else {
                n.withdrawnAt = now;
            }
            return events.append(n, type, scope, now, reason).chain(notices::flush);
        });
    }

    // ---- reading ----

    /** The notices sent to the caller and, for a cadre, those of its region and below in any state; newest first. */
    public Uni<NoticePage> page(Scope scope, NoticeKind kind, boolean unread, Long after, int limit) {
        NoticeRules.requireReaderRole(scope);
        String[] managed = scope.hasRole(NoticeRules.CADRES) ? scope.regionRange() : new String[] {"-", "-"};
        return reads.page(scope.accountId(), NoticeRules.countingRegion(scope), NoticeRules.sendingRegions(scope),
                        NoticeRules.kinds(scope), managed, kind, unread, after, limit + 1)
                .chain(rows -> {
                    List<NoticeReads.Stored> items = rows.size() > limit ? rows.subList(0, limit) : rows;
                    Long next = rows.size() > limit ? items.get(items.size() - 1).id() : null;
                    return views(items).map(views -> new NoticePage(views, next));
                });
    }

    /** How many notices sent to the caller are unread, and how many ask for a confirmation not yet given. */
    public Uni<NoticeCounts> counts(Scope scope) {
        NoticeRules.requireReaderRole(scope);
        return reads.counts(scope.accountId(), NoticeRules.sendingRegions(scope), NoticeRules.kinds(scope),
                scope.hasRole(NoticeRules.CADRES)).map(c -> new NoticeCounts(c[0], c[1]));
    }

    /** One notice; reading a notice sent to the caller records the first reading. */
    public Uni<Notice> read(Scope scope, long id) {
        NoticeRules.requireReaderRole(scope);
        return visible(scope, id).chain(n -> {
            if (!NoticeRules.sentTo(scope, n.kind(), n.status(), n.regionCode()) || n.readAt() != null) {
                return views(List.of(n)).map(l -> l.get(0));
            }
            return reads.markRead(id, scope.accountId(), scope.role(), scope.regionCode(), now())
                    .chain(() -> view(scope, id));
        });
    }

    /** A cadre confirms it has read a notice that asks for it (idempotent: the first time stays). */
    public Uni<Notice> confirm(Scope scope, long id) {
        NoticeRules.requireReaderRole(scope);
        if (scope.role() == Role.FARMER) {
            throw ApiException.forbidden("只有干部需要确认已阅");
        }
        return visible(scope, id).chain(n -> {
            if (n.status() != PolicyStatus.PUBLISHED) {
                throw ApiException.conflict("该通知当前" + statusName(n.status()) + "，不能确认");
            }
            if (!NoticeRules.sentTo(scope, n.kind(), n.status(), n.regionCode())) {
                throw ApiException.forbidden("该通知不是发给您所在区划的，无需确认");
            }
            if (!n.requireConfirm()) {
                throw ApiException.conflict("该通知不要求确认已阅");
            }
            if (n.confirmedAt() != null) {
                return views(List.of(n)).map(l -> l.get(0));
            }
            return reads.confirm(id, scope.accountId(), scope.role(), scope.regionCode(), now()).chain(() -> view(scope, id));
        });
    }

    /** Who read (and confirmed) a notice, in reading order; for the cadres of the publishing region only. */
    public Uni<NoticeReaders> readers(Scope scope, long id, Long after, int limit) {
        NoticeRules.requireReaderRole(scope);
        return visible(scope, id).chain(n -> {
            if (!NoticeRules.publishes(scope, n.regionCode())) {
                throw ApiException.forbidden("只有发布区划本级的干部可以查看阅读情况");
            }
            return Uni.combine().all().unis(reads.totals(id), reads.readers(id, after, limit + 1)).asTuple()
                    .chain(both -> {
                        List<NoticeReads.Receipt> rows = both.getItem2();
                        List<NoticeReads.Receipt> items = rows.size() > limit ? rows.subList(0, limit) : rows;
                        Long next = rows.size() > limit ? items.get(items.size() - 1).id() : null;
                        Set<String> codes = new HashSet<>();
                        items.forEach(r -> codes.add(r.regionCode()));
                        codes.remove(null);
                        return Uni.combine().all()
                                .unis(accounts.names(items.stream().map(NoticeReads.Receipt::accountId).toList()), regions.names(codes))
                                .asTuple().map(names -> new NoticeReaders(id, both.getItem1()[0], both.getItem1()[1],
                                        items.stream().map(r -> new NoticeReader(r.accountId(), names.getItem1().get(r.accountId()),
                                                r.role(), r.regionCode(), names.getItem2().get(r.regionCode()), r.readAt(),
                                                r.confirmedAt())).toList(), next));
                    });
        });
    }

    // ---- helpers ----

    /** The notice if sent to the caller or managed by it; otherwise 404, whether it exists or not. */
    private Uni<NoticeReads.Stored> visible(Scope scope, long id) {
        return reads.byId(scope.accountId(), NoticeRules.countingRegion(scope), id).map(n -> {
            if (n == null || !NoticeRules.sentTo(scope, n.kind(), n.status(), n.regionCode())
                    && !NoticeRules.manages(scope, n.regionCode())) {
                throw ApiException.notFound(NoticeRepository.NOT_FOUND);
            }
            return n;
        });
    }

    /**
     * Whether the caller sees the notice exactly as {@link #read} would (sent to it, or managed by it) and
     * {@code mediaId} is one of its attachments; false for anything out of sight.
     */
    Uni<Boolean> attachmentReadable(Scope scope, long id, long mediaId) {
        if (scope.role() != Role.FARMER && !scope.hasRole(NoticeRules.CADRES)) {
            return Uni.createFrom().item(false);
        }
        return visible(scope, id).map(n -> n.attachmentIds().contains(mediaId))
                .onFailure(ApiException.class).recoverWithItem(false);
    }

    Uni<Notice> view(Scope scope, long id) {
        return visible(scope, id).chain(n -> views(List.of(n))).map(l -> l.get(0));
    }

    private Uni<List<Notice>> views(List<NoticeReads.Stored> rows) {
        return regions.names(rows.stream().map(NoticeReads.Stored::regionCode).distinct().toList())
                .map(names -> rows.stream().map(n -> toView(n, names)).toList());
    }

    private static Notice toView(NoticeReads.Stored n, Map<String, String> names) {
        return new Notice(n.id(), n.kind(), n.title(), n.body(), n.regionCode(), names.get(n.regionCode()), n.requireConfirm(),
                n.status(), n.attachmentIds(), n.publishedAt(), n.withdrawnAt(), n.createdAt(), n.version(),
                n.readAt() != null, n.confirmedAt() != null, n.readCount(), n.confirmedCount());
    }

    private OffsetDateTime now() {
        // As the database keeps it, so that an answer and a later read agree.
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static String statusName(PolicyStatus s) {
        return switch (s) {
            case DRAFT -> "为草稿";
            case PUBLISHED -> "已发布";
            case WITHDRAWN -> "已撤回";
        };
    }
}
