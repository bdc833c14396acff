-- Policies (政策文件) with versioned eligibility conditions, their history, and how far each policy reached each
-- household (政策找人). See src-docs/policies.md.
create extension if not exists pg_trgm;

create table policy (
    id                 bigint generated always as identity primary key,
    title              text        not null,
    doc_no             text,
    issuer             text        not null,
    region_code        char(12)    not null check (region_code ~ '^[0-9]{12}$'),   -- the issuing region
    category           text        not null check (category in ('HEALTH', 'EDUCATION', 'HOUSING', 'EMPLOYMENT', 'INDUSTRY',
                                                                'MICROCREDIT', 'INSURANCE', 'SOCIAL_ASSISTANCE', 'OTHER')),
    status             text        not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    effective_from     date        not null,
    effective_to       date,
    summary            text        not null,
    benefit            text,
    body               text,                                                        -- sanitised HTML
    body_text          text        not null default '',                            -- its plain text, for search
    attachment_ids     bigint[]    not null default '{}',
    conditions_version integer     not null,                                        -- → policy_conditions
    published_at       timestamptz,
    withdrawn_at       timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    request_key        text        unique,
    version            integer     not null default 0,
    check (effective_to is null or effective_to >= effective_from)
);
-- Lists: the policies of a region (own region and below for cadres; the few ancestor codes for everyone).
create index policy_region_idx on policy (region_code, status, id);
-- Chinese search (ILIKE '%词%'): trigram GIN indexes serve terms of three characters and more.
create index policy_title_trgm_idx on policy using gin (title gin_trgm_ops);
create index policy_text_trgm_idx on policy using gin ((coalesce(doc_no, '') || ' ' || summary || ' ' || body_text) gin_trgm_ops);

-- Every version of a policy's conditions; the policy row points at its current one. Null conditions: a general
-- policy without eligibility rules.
create table policy_conditions (
    policy_id     bigint      not null references policy (id),
    version       integer     not null,
    conditions    jsonb,
    created_at    timestamptz not null,
    actor_id      bigint,
    actor_role    text,
    actor_region  char(12),
    primary key (policy_id, version)
);
create trigger policy_conditions_append_only before update or delete on policy_conditions
    for each row execute function forbid_change();

create table policy_event (
    id                 bigint generated always as identity primary key,
    policy_id          bigint      not null references policy (id),
    type               text        not null check (type in ('CREATED', 'UPDATED', 'PUBLISHED', 'WITHDRAWN', 'NOTIFIED')),
    actor_id           bigint,
    actor_role         text,
    actor_region       char(12),
    at                 timestamptz not null,
    reason             text,
    conditions_version integer,
    data               jsonb,                                                       -- NOTIFIED: the counts
    request_key        text        unique
);
create index policy_event_policy_idx on policy_event (policy_id, id);
create trigger policy_event_append_only before update or delete on policy_event
    for each row execute function forbid_change();

-- How far a policy reached a household: NOTIFIED < VIEWED < APPLIED < RECEIVING, never lowered. region_code is the
-- household's village when the row was written (scope of counts and lists).
create table policy_reach (
    policy_id     bigint      not null references policy (id),
    household_id  bigint      not null references household (id),
    region_code   char(12)    not null,
    status        text        not null check (status in ('NOTIFIED', 'VIEWED', 'APPLIED', 'RECEIVING')),
    note          text,
    updated_at    timestamptz not null,
    primary key (policy_id, household_id)
);
create index policy_reach_region_idx on policy_reach (policy_id, region_code, status);

create table policy_reach_event (
    id            bigint generated always as identity primary key,
    policy_id     bigint      not null,
    household_id  bigint      not null,
    status        text        not null,
    note          text,
    actor_id      bigint,
    actor_role    text,
    actor_region  char(12),
    at            timestamptz not null
);
create index policy_reach_event_idx on policy_reach_event (policy_id, household_id, id);
create trigger policy_reach_event_append_only before update or delete on policy_reach_event
    for each row execute function forbid_change();
