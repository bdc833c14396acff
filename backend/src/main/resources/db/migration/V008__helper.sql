-- 帮扶责任人 (helpers) and their pairing with households (DOMAIN.md: helper). A helper is registered by a cadre
-- for a region (a village, township or county); the pairing's current state is household_helper (end_date null
-- while it lasts), its history the HELPER_PAIRED / HELPER_ENDED household events. Helper phones are protected
-- like members' (AES-GCM, blind index, masked); every time one is shown in full it is written to helper_contact.
create table helper (
    id           bigint generated always as identity primary key,
    name         text        not null,
    unit         text        not null,                          -- 工作单位 / 帮扶单位
    position     text,                                          -- 职务
    phone_enc    text        not null,
    phone_hash   text        not null,
    region_code  char(12)    not null check (region_code ~ '^[0-9]{12}$'),
    request_key  text unique,
    created_at   timestamptz not null default now()
);
create index helper_region_idx on helper (region_code, id);
create index helper_phone_idx on helper (phone_hash);

create table helper_event (
    id            bigint generated always as identity primary key,
    helper_id     bigint      not null references helper (id),
    type          text        not null,
    actor_id      bigint,
    actor_role    text,
    actor_region  char(12),
    at            timestamptz not null default now(),
    changes       text
);
create trigger helper_event_append_only before update or delete on helper_event
    for each row execute function forbid_change();

create table household_helper (
    id            bigint generated always as identity primary key,
    household_id  bigint      not null references household (id),
    helper_id     bigint      not null references helper (id),
    start_date    date        not null,
    end_date      date,
    created_at    timestamptz not null default now(),
    check (end_date is null or end_date >= start_date)
);
create unique index household_helper_current_idx on household_helper (household_id, helper_id) where end_date is null;
create index household_helper_household_idx on household_helper (household_id, id);
create index household_helper_helper_idx on household_helper (helper_id);

create table helper_contact (
    id            bigint generated always as identity primary key,
    household_id  bigint      not null references household (id),
    helper_id     bigint      not null references helper (id),
    actor_id      bigint,
    actor_role    text        not null,
    actor_region  char(12),
    at            timestamptz not null default now()
);
create index helper_contact_helper_idx on helper_contact (helper_id, id);
create trigger helper_contact_append_only before update or delete on helper_contact
    for each row execute function forbid_change();
