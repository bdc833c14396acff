-- Accounts of cadres and farmers, and registered third-party clients.
create table account (
    id            bigint generated always as identity primary key,
    name          text        not null,
    phone_enc     text,                       -- AES-GCM, see platform/crypto
    phone_hash    text unique,                -- keyed hash for exact lookup (cadre login by phone)
    region_code   char(12)    check (region_code ~ '^[0-9]{12}$'),
    role          text        not null,
    position      text,
    status        text        not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
    wechat_openid text unique,
    wechat_unionid text,
    household_id  bigint,
    request_key   text unique,                -- idempotency key of the create request (last word after Redis)
    created_at    timestamptz not null default now(),
    created_by    bigint,
    version       integer     not null default 0
);
create index account_region_idx on account (region_code bpchar_pattern_ops, id);

-- Append-only history of every account change: who, when, where, why.
create table account_event (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references account (id),
    type         text        not null,
    actor_id     bigint,
    actor_role   text,
    actor_region char(12),
    at           timestamptz not null default now(),
    reason       text,
    data         jsonb
);
create index account_event_account_idx on account_event (account_id, id);

create table api_client (
    id           bigint generated always as identity primary key,
    client_id    text        not null unique,
    name         text        not null,
    secret_hash  text        not null,
    region_code  char(12)    not null check (region_code ~ '^[0-9]{12}$'),
    scopes       text[]      not null,
    status       text        not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
    request_key  text unique,
    created_at   timestamptz not null default now(),
    created_by   bigint
);
create index api_client_region_idx on api_client (region_code bpchar_pattern_ops);

-- History is never rewritten.
create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception 'append-only table %: % is not allowed', tg_table_name, tg_op;
end $$;
create trigger account_event_append_only before update or delete on account_event
    for each row execute function forbid_change();
