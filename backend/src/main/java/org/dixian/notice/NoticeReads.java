package org.dixian.notice;

import org.dixian.policy.PolicyStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.Role;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reads and the read receipts: plain SQL on the reactive pool, one statement each. The notices sent to a reader
 * are found by the publishing region being one of the reader's own region and ancestors (index
 * notice_published_idx), so the unread count of a village cadre reads a handful of index entries whether the province
 * has 70 or 470,000 accounts; no per-account row is ever written at publication.
 */
@ApplicationScoped
public class NoticeReads {
    /** The notice columns, the caller's own receipt ($1 account) and the counts for the counting region ($2). */
    private static final String SELECT = """
            select n.id, n.kind, n.title, n.body, n.region_code, n.require_confirm, n.status, n.attachment_ids,
                   n.published_at, n.withdrawn_at, n.created_at, n.version, r.read_at, r.confirmed_at,
                   case when n.region_code = $2 then (select count(*) from notice_read x where x.notice_id = n.id) end as read_count,
                   case when n.region_code = $2 then (select count(*) from notice_read x where x.notice_id = n.id and x.confirmed_at is not null) end as confirmed_count
              from notice n left join notice_read r on r.notice_id = n.id and r.account_id = $1
            """;
    private static final String BY_ID = SELECT + " where n.id = $3";
    /**
     * Sent to the caller ($3 sending regions, $4 kinds) or managed by it ($5..$6 its region's range); optionally of
     * one kind ($7), only unread ones ($8), before an id ($9), newest first.
     */
    private static final String PAGE = SELECT + """
             where ((n.status = 'PUBLISHED' and n.region_code = any($3) and n.kind = any($4))
                    or (n.region_code >= $5 and n.region_code < $6))
               and ($7::text is null or n.kind = $7)
               and (not $8 or (n.status = 'PUBLISHED' and n.region_code = any($3) and n.kind = any($4) and r.id is null))
               and ($9::bigint is null or n.id < $9)
             order by n.id desc
             limit $10::int
            """;
    private static final String COUNTS = """
            select count(*) filter (where r.id is null) as unread,
                   count(*) filter (where $4 and n.require_confirm and r.confirmed_at is null) as unconfirmed
              from notice n left join notice_read r on r.notice_id = n.id and r.account_id = $1
             where n.status = 'PUBLISHED' and n.region_code = any($2) and n.kind = any($3)
            """;
    private static final String MARK_READ = """
            insert into notice_read (notice_id, account_id, reader_role, reader_region, read_at)
            values ($1, $2, $3, $4, $5)
            on conflict (notice_id, account_id) do nothing
            """;
    /** Confirming reads too; a second confirmation keeps the first time (the guard trigger allows only null → time). */
    private static final String CONFIRM = """
            insert into notice_read (notice_id, account_id, reader_role, reader_region, read_at, confirmed_at)
            values ($1, $2, $3, $4, $5, $5)
            on conflict (notice_id, account_id) do update set confirmed_at = excluded.confirmed_at
             where notice_read.confirmed_at is null
            """;
    private static final String READERS = """
            select id, account_id, reader_role, reader_region, read_at, confirmed_at
              from notice_read where notice_id = $1 and ($2::bigint is null or id > $2)
             order by id limit $3::int
            """;
    private static final String READ_TOTALS = """
            select count(*) as read_count, count(confirmed_at) as confirmed_count from notice_read where notice_id = $1
            """;

    /** One notice as stored, with the caller's receipt; {@code readCount} set only for the counting region. */
    record Stored(long id, NoticeKind kind, String title, String body, String regionCode, boolean requireConfirm,
                PolicyStatus status, List<Long> attachmentIds, OffsetDateTime publishedAt, OffsetDateTime withdrawnAt,
                OffsetDateTime createdAt, int version, OffsetDateTime readAt, OffsetDateTime confirmedAt,
                Long readCount, Long confirmedCount) {
    }

    record Receipt(long id, long accountId, Role role, String regionCode, OffsetDateTime readAt, OffsetDateTime confirmedAt) {
    }

    private final Pool pool;

    public NoticeReads(Pool pool) {
        this.pool = pool;
    }

    Uni<Stored> byId(long accountId, String countingRegion, long id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(accountId, countingRegion, id))
                .map(rows -> rows.iterator().hasNext() ? notice(rows.iterator().next()) : null);
    }

    Uni<List<Stored>> page(long accountId, String countingRegion, List<String> sendingRegions, List<NoticeKind> kinds,
                         String[] managedRange, NoticeKind kind, boolean unread, Long after, int limit) {
        Tuple args = Tuple.tuple().addLong(accountId).addString(countingRegion)
                .addArrayOfString(sendingRegions.toArray(new String[0]))
                .addArrayOfString(kinds.stream().map(Enum::name).toArray(String[]::new))
                .addString(managedRange[0]).addString(managedRange[1])
                .addString(kind == null ? null : kind.name()).addBoolean(unread).addLong(after).addInteger(limit);
        return pool.preparedQuery(PAGE).execute(args).map(NoticeReads::notices);
    }

    Uni<long[]> counts(long accountId, List<String> sendingRegions, List<NoticeKind> kinds, boolean confirms) {
        return pool.preparedQuery(COUNTS).execute(Tuple.of(accountId, sendingRegions.toArray(new String[0]),
                        kinds.stream().map(Enum::name).toArray(String[]::new), confirms))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new long[] {r.getLong("unread"), r.getLong("unconfirmed")};
                });
    }

    Uni<Void> markRead(long noticeId, long accountId, Role role, String region, OffsetDateTime at) {
        return pool.preparedQuery(MARK_READ).execute(Tuple.of(noticeId, accountId, role.name(), region, at)).replaceWithVoid();
    }

    Uni<Void> confirm(long noticeId, long accountId, Role role, String region, OffsetDateTime at) {
        return pool.preparedQuery(CONFIRM).execute(Tuple.of(noticeId, accountId, role.name(), region, at)).replaceWithVoid();
    }

    Uni<List<Receipt>> readers(long noticeId, Long after, int limit) {
        return pool.preparedQuery(READERS).execute(Tuple.of(noticeId, after, limit)).map(rows -> {
            List<Receipt> out = new ArrayList<>();
            rows.forEach(r -> out.add(new Receipt(r.getLong("id"), r.getLong("account_id"), Role.valueOf(r.getString("reader_role")),
                    r.getString("reader_region"), r.getOffsetDateTime("read_at"), r.getOffsetDateTime("confirmed_at"))));
            return out;
        });
    }

    Uni<long[]> totals(long noticeId) {
        return pool.preparedQuery(READ_TOTALS).execute(Tuple.of(noticeId)).map(rows -> {
            Row r = rows.iterator().next();
            return new long[] {r.getLong("read_count"), r.getLong("confirmed_count")};
        });
    }

    private static List<Stored> notices(RowSet<Row> rows) {
        List<Stored> out = new ArrayList<>();
        rows.forEach(r -> out.add(notice(r)));
        return out;
    }

    private static Stored notice(Row r) {
        Long[] attachments = r.getArrayOfLongs("attachment_ids");
        return new Stored(r.getLong("id"), NoticeKind.valueOf(r.getString("kind")), r.getString("title"), r.getString("body"),
                r.getString("region_code"), r.getBoolean("require_confirm"), PolicyStatus.valueOf(r.getString("status")),
                attachments == null ? List.of() : Arrays.asList(attachments), r.getOffsetDateTime("published_at"),
                r.getOffsetDateTime("withdrawn_at"), r.getOffsetDateTime("created_at"), r.getInteger("version"),
                r.getOffsetDateTime("read_at"), r.getOffsetDateTime("confirmed_at"), r.getLong("read_count"),
                r.getLong("confirmed_count"));
    }
}
