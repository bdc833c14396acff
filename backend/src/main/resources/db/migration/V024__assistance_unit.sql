-- Assistance units (帮扶单位) and their pairings with villages (src-docs/checkins.md, "Assistance units"). A unit is
-- registered for a region; the contact person's phone is personal data and is stored encrypted only. A pairing row
-- holds the current state (ended or not); every registration, pairing and end is an append-only unit_event.
create table assistance_unit (
    id                bigint generated always as identity primary key,
    name              text        not null check (length(name) between 1 and 60),
    affiliation       text        check (length(affiliation) <= 60),
    region_code       char(12)    not null,
    contact_name      text        check (length(contact_name) <= 20),
    contact_phone_enc text,                                           -- FieldCipher, never plaintext
    request_key       text        unique,                             -- <account id>:<Idempotency-Key>
    created_at        timestamptz not null,
    actor_id          bigint,                                         -- who registered it
    actor_role        text,
    actor_region      char(12),
    constraint assistance_unit_region_name_key unique (region_code, name)
);
create index assistance_unit_region_idx on assistance_unit (region_code, name, id);

create table unit_pairing (
    id           bigint generated always as identity primary key,
    unit_id      bigint      not null references assistance_unit (id),
    village_code char(12)    not null check (village_code !~ '000$'),  -- a village (level 5)
    start_date   date        not null,
    end_date     date,
    end_reason   text,
    created_at   timestamptz not null,
    check (end_date is null or end_date >= start_date),
    check ((end_date is null) = (end_reason is null))
);
-- One current pairing of a unit with a village; ended ones stay as history.
create unique index unit_pairing_current_key on unit_pairing (unit_id, village_code) where end_date is null;
create index unit_pairing_village_idx on unit_pairing (village_code, unit_id);
create index unit_pairing_unit_idx on unit_pairing (unit_id, id);

create table unit_event (
    id           bigint generated always as identity primary key,
    unit_id      bigint      not null references assistance_unit (id),
    pairing_id   bigint      references unit_pairing (id),
    type         text        not null check (type in ('REGISTERED', 'PAIRED', 'PAIRING_ENDED')),
    actor_id     bigint,
    actor_role   text,
    actor_region char(12),
    at           timestamptz not null,
    reason       text,
    data         jsonb       not null
);
create index unit_event_unit_idx on unit_event (unit_id, id);
create trigger unit_event_append_only before update or delete on unit_event
    for each row execute function forbid_change();
