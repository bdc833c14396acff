package org.dixian.notification;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.Role;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Messages and their read state. Every statement runs in the current Hibernate Reactive session, so writes join
 * the caller's transaction. Recipients are chosen by reading the account table directly (id, role, region,
 * status, WeChat openid): the account feature has no "who are the village cadres" service yet, and this
 * read-only use of its columns is the one place notifications reach into it.
 */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<NotificationEntity, Long> {

    /** A message written for an account, and the account's openid when it may get a WeChat message. */
    record Written(long notificationId, long accountId, String openid) {
    }

    /** Inserts one message per chosen account (in account order) and answers who got which. */
    private static final String WRITE = """
            with n as (
                insert into notification (account_id, title, body, link, created_at)
                select a.id, :title, :body, cast(:link as text), :at from account a where %s order by a.id
                returning id, account_id
            )
            select n.id, n.account_id, case when a.status = 'ACTIVE' then a.wechat_openid end
              from n join account a on a.id = n.account_id
             order by n.id
            """;
    private static final String TO_ACCOUNTS = "a.id in (:ids)";
    private static final String TO_REGION_ROLES =
            "a.region_code = cast(:region as char(12)) and a.role in (:roles) and a.status = 'ACTIVE'";

    private static final String UNREAD = """
            select (select count(*) from notification where account_id = :me)
                 - (select count(*) from notification_read where account_id = :me)
            """;
    private static final String MARK_READ = """
            insert into notification_read (notification_id, account_id, read_at) values (:id, :me, :at)
            on conflict (notification_id) do nothing
            """;

    /** Messages for these accounts; ids without an account are skipped. */
    Uni<List<Written>> write(Collection<Long> accountIds, String title, String body, String link, OffsetDateTime at) {
        return write(TO_ACCOUNTS, Map.of("ids", List.copyOf(accountIds)), title, body, link, at);
    }

    /** Messages for the enabled accounts of these roles placed exactly at this region. */
    Uni<List<Written>> writeToRegionRoles(String regionCode, Collection<Role> roles, String title, String body,
                                          String link, OffsetDateTime at) {
        return write(TO_REGION_ROLES, Map.of("region", regionCode, "roles", roles.stream().map(Enum::name).toList()),
                title, body, link, at);
    }

    private Uni<List<Written>> write(String where, Map<String, Object> recipients, String title, String body,
                                     String link, OffsetDateTime at) {
        return getSession().chain(s -> {
            Mutiny.SelectionQuery<Object[]> q = s.createNativeQuery(WRITE.formatted(where));
            recipients.forEach(q::setParameter);
            return q.setParameter("title", title).setParameter("body", body).setParameter("link", link)
                    .setParameter("at", at).getResultList();
        }).map(NotificationRepository::rows);
    }

    private static List<Written> rows(List<Object[]> rows) {
        List<Written> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Written(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2]));
        }
        return out;
    }

    /** One page of an account's messages, newest first, each with its read time (null when unread); limit + 1 rows. */
    Uni<List<Object[]>> page(long accountId, Long after, int limit) {
        String hql = "select n, r.readAt from NotificationEntity n left join NotificationReadEntity r on r.notificationId = n.id"
                + " where n.accountId = :me" + (after != null ? " and n.id < :after" : "") + " order by n.id desc";
        return getSession().chain(s -> {
            var q = s.createSelectionQuery(hql, Object[].class).setParameter("me", accountId);
            if (after != null) {
                q.setParameter("after", after);
            }
            return q.setMaxResults(limit + 1).getResultList();
        });
    }

    Uni<Long> unread(long accountId) {
        return getSession().chain(s -> s.createNativeQuery(UNREAD, Long.class).setParameter("me", accountId)
                .getSingleResult());
    }

    /** The account's own message, or null (another account's message is not found either). */
    Uni<NotificationEntity> own(long accountId, long id) {
        return find("id = ?1 and accountId = ?2", id, accountId).firstResult();
    }

    /** Records the first read; a later read changes nothing. */
    Uni<Void> markRead(long accountId, long id, OffsetDateTime at) {
        return getSession().chain(s -> s.createNativeQuery(MARK_READ)
                .setParameter("id", id).setParameter("me", accountId).setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }
}
