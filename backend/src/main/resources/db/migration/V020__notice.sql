-- Notices (通知公告, for cadres) and public announcements (公示公告, for cadres and farmers), published by a
-- township or above for its own region and everything below it (src-docs/policies.md, "Notices"). The row is the
-- current state; every change is an append-only notice_event; who read and confirmed is notice_read.
create table notice (
    id              bigint generated always as identity primary key,
    kind            text        not null check (kind in ('NOTICE', 'ANNOUNCEMENT')),
    title           text        not null,
    body            text        not null,                          -- sanitised rich text
    region_code     char(12)    not null check (region_code ~ '^[0-9]{12}$'),  -- the publishing region
    require_confirm boolean     not null default false,
    status          text        not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    attachment_ids  bigint[]    not null default '{}',
    created_by      bigint      not null,
    request_key     text        unique,                            -- idempotency key of the create request
    created_at      timestamptz not null,
    published_at    timestamptz,
    withdrawn_at    timestamptz,
    updated_at      timestamptz not null,
    version         integer     not null default 0
);
-- What a reader is sent: the published notices of its region's ancestors (at most five codes), newest first.
create index notice_published_idx on notice (region_code, id) where status = 'PUBLISHED';
-- What a publishing region manages: every notice of its region and below.
create index notice_region_idx on notice (region_code, id);

create table notice_event (
    id           bigint generated always as identity primary key,
    notice_id    bigint      not null references notice (id),
    type         text        not null check (type in ('CREATED', 'PUBLISHED', 'WITHDRAWN')),
    actor_id     bigint,
    actor_role   text,
    actor_region char(12),
    at           timestamptz not null,
    reason       text
);
create index notice_event_notice_idx on notice_event (notice_id, id);
create trigger notice_event_append_only before update or delete on notice_event
    for each row execute function forbid_change();

-- One row per reader, written by the first read (insert ... on conflict do nothing). The reader's role and region
-- are kept as they were when it read. confirmed_at is the one column that changes, and only once, from null to a
-- time: a province's notice may have hundreds of thousands of readers, so counts come from this table rather than
-- from counters on the notice row, which every reader would have to lock.
create table notice_read (
    id            bigint generated always as identity primary key,
    notice_id     bigint      not null references notice (id),
    account_id    bigint      not null,
    reader_role   text        not null,
    reader_region char(12),
    read_at       timestamptz not null,
    confirmed_at  timestamptz,
    unique (notice_id, account_id)
);
create index notice_read_notice_idx on notice_read (notice_id, id);
create index notice_read_confirmed_idx on notice_read (notice_id) where confirmed_at is not null;

create function notice_read_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'notice_read: reads are never deleted';
    end if;
    if new.id <> old.id or new.notice_id <> old.notice_id or new.account_id <> old.account_id
            or new.reader_role <> old.reader_role or new.reader_region is distinct from old.reader_region
            or new.read_at <> old.read_at or old.confirmed_at is not null or new.confirmed_at is null then
        raise exception 'notice_read: only a missing confirmation may be set, once';
    end if;
    return new;
end $$;
create trigger notice_read_guard before update or delete on notice_read
    for each row execute function notice_read_guard();
