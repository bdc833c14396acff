-- Transactional outbox (platform/outbox): messages for other systems and for WeChat, written in the same
-- transaction as the change that causes them and delivered afterwards by the relay (OutboxRelay). What a message
-- says never changes; only its delivery state does: attempts, next attempt (also the relay's lease while it
-- delivers), delivered or given up, last error.
create table outbox (
    id              bigint generated always as identity primary key,
    topic           text        not null,
    dedup_key       text        unique,          -- the same key twice is one message
    payload         jsonb       not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    failed_at       timestamptz,                 -- given up (attempts exhausted, or undeliverable): not tried again
    last_error      text
);
-- The relay's question: pending messages of the topics it can deliver, those due first.
create index outbox_pending_idx on outbox (topic, next_attempt_at, id) where delivered_at is null and failed_at is null;

create function outbox_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.delivered_at is null and old.failed_at is null then
            raise exception 'outbox: message % is still pending and cannot be deleted', old.id;
        end if;
        return old;
    end if;
    if new.id <> old.id or new.topic <> old.topic or new.dedup_key is distinct from old.dedup_key
            or new.payload <> old.payload or new.created_at <> old.created_at then
        raise exception 'outbox: only the delivery state of message % may change', old.id;
    end if;
    if (old.delivered_at is not null and new.delivered_at is distinct from old.delivered_at)
            or (old.failed_at is not null and new.failed_at is distinct from old.failed_at) then
        raise exception 'outbox: message % is already finished', old.id;
    end if;
    return new;
end $$;
create trigger outbox_guard before update or delete on outbox
    for each row execute function outbox_guard();

-- In-app notifications (消息). Append-only: a message once sent is never edited or withdrawn.
create table notification (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id),
    title       text        not null,
    body        text        not null,
    link        text,                            -- a mini-program page path
    created_at  timestamptz not null
);
create index notification_account_idx on notification (account_id, id);
create trigger notification_append_only before update or delete on notification
    for each row execute function forbid_change();

-- Read state in its own append-only table rather than a mutable column: the first read writes the row (insert
-- ... on conflict do nothing, so a second read changes nothing) and the time is never overwritten. The account
-- is repeated here so that the unread count is two index-only counts (all minus read).
create table notification_read (
    notification_id bigint      primary key references notification (id),
    account_id      bigint      not null,
    read_at         timestamptz not null
);
create index notification_read_account_idx on notification_read (account_id);
create trigger notification_read_append_only before update or delete on notification_read
    for each row execute function forbid_change();
