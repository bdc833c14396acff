package org.dixian.notification;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.outbox.Outbox;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.platform.wechat.SubscribeMessage;
import org.dixian.platform.wechat.WeChatSubscribeHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-app messages (消息) and their WeChat subscribe-message twins. Other features call {@link #toAccounts} and
 * {@link #toRegionRoles} inside their own transaction: the messages, and the outbox rows that will send them to
 * WeChat, commit or roll back with the change they announce. Users read their own messages over HTTP.
 */
@ApplicationScoped
public class Notifications {
    /**
     * The fields of the subscribe-message template (dixian.wechat.templates.case-progress): 事项 (thing, the
     * title), 进度 (thing, the body) and 时间 (time). A thing value is at most 20 characters.
     */
    static final String FIELD_TITLE = "thing1";
    static final String FIELD_BODY = "thing2";
    static final String FIELD_TIME = "time3";
    static final int THING_MAX = 20;
    private static final DateTimeFormatter WECHAT_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final NotificationRepository notifications;
    private final Outbox outbox;
    private final Clock clock;
    private final String templateId;

    public Notifications(NotificationRepository notifications, Outbox outbox, Clock clock,
                         @ConfigProperty(name = "dixian.wechat.templates.case-progress") String templateId) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
        this.templateId = templateId;
    }

    /**
     * Sends a message to these accounts (ids without an account are skipped), in-app and, for enabled accounts
     * with a WeChat openid, as a subscribe message through the outbox; joins the caller's transaction.
     */
    @WithTransaction
    public Uni<Void> toAccounts(Collection<Long> accountIds, String title, String body, String link) {
        requireText(title, body);
        if (accountIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return notifications.write(accountIds, title, body, link, now)
                .chain(written -> toWeChat(written, title, body, link, now));
    }

    /**
     * Sends a message to every enabled account of these roles placed exactly at this region (not below it), as
     * {@link #toAccounts} does; joins the caller's transaction.
     */
    @WithTransaction
    public Uni<Void> toRegionRoles(String regionCode, Collection<Role> roles, String title, String body, String link) {
        requireText(title, body);
        if (!RegionCodes.isValid(regionCode)) {
            throw new IllegalArgumentException("not a region code: " + regionCode);
        }
        if (roles.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return notifications.writeToRegionRoles(regionCode, roles, title, body, link, now)
                .chain(written -> toWeChat(written, title, body, link, now));
    }

    private Uni<Void> toWeChat(List<NotificationRepository.Written> written, String title, String body, String link,
                               OffsetDateTime at) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (NotificationRepository.Written w : written) {
            if (w.openid() != null) {
                // One statement after the other: a reactive session runs one at a time.
                all = all.chain(() -> outbox.enqueue(WeChatSubscribeHandler.TOPIC, "notification:" + w.notificationId(),
                        subscribeMessage(w.openid(), title, body, link, at)));
            }
        }
        return all;
    }

    SubscribeMessage subscribeMessage(String openid, String title, String body, String link, OffsetDateTime at) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(FIELD_TITLE, thing(title));
        data.put(FIELD_BODY, thing(body));
        data.put(FIELD_TIME, at.atZoneSameInstant(clock.getZone()).format(WECHAT_TIME));
        return new SubscribeMessage(openid, templateId, page(link), data);
    }

    /** A thing value: one line, at most 20 characters (code points), cut with an ellipsis. */
    static String thing(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= THING_MAX) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, THING_MAX - 1)) + "…";
    }

    /** WeChat wants the page without a leading slash (e.g. {@code pages/cases/detail?id=42}). */
    static String page(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String p = link.strip();
        return p.startsWith("/") ? p.substring(1) : p;
    }

    /** The caller's messages, newest first, {@code limit} at a time, with the number still unread. */
    @WithSession
    public Uni<NotificationPage> page(Scope scope, Long after, int limit) {
        long me = requireAccount(scope);
        return notifications.page(me, after, limit).chain(rows -> notifications.unread(me).map(unread -> {
            boolean more = rows.size() > limit;
            List<Object[]> page = more ? rows.subList(0, limit) : rows;
            List<Notification> items = page.stream()
                    .map(r -> ((NotificationEntity) r[0]).view(r[1] != null)).toList();
            return new NotificationPage(items, unread, more ? items.get(items.size() - 1).id() : null);
        }));
    }

    /** Marks the caller's own message read (the first read counts; reading again changes nothing). */
    @WithTransaction
    public Uni<Notification> read(Scope scope, long id) {
        long me = requireAccount(scope);
        return notifications.own(me, id).chain(n -> {
            if (n == null) {
                throw ApiException.notFound("未找到该消息");
            }
            return notifications.markRead(me, id, OffsetDateTime.now(clock)).map(v -> n.view(true));
        });
    }

    /** Messages belong to accounts: farmers and cadres have them, a third-party system does not. */
    private static long requireAccount(Scope scope) {
        if (scope.role() == Role.API_CLIENT) {
            throw ApiException.forbidden("接入系统没有个人消息");
        }
        return scope.accountId();
    }

    private static void requireText(String title, String body) {
        if (title == null || title.isBlank() || body == null || body.isBlank()) {
            throw new IllegalArgumentException("a notification needs a title and a body");
        }
    }
}
