-- Identification cases (DOMAIN.md: the identification chain). One case concept whatever the source: a farmer's
-- declaration, a cadre's screening or visit, and later alerts, tickets and department data. The row holds the
-- current state; every step is an append-only case_event (who, role, where, when, what, why).
create table identification_case (
    id                 bigint generated always as identity primary key,
    source             text        not null check (source in ('FARMER_DECLARATION', 'SCREENING', 'VISIT', 'ALERT', 'TICKET', 'DEPARTMENT')),
    stage              text        not null check (stage in ('VISIT', 'VILLAGE_REVIEW', 'PUBLIC_NOTICE', 'TOWNSHIP_REVIEW',
                                                              'COUNTY_APPROVAL', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    open               boolean     not null default true,
    household_id       bigint      references household (id),
    region_code        char(12)    not null check (region_code ~ '^[0-9]{12}$'),  -- the village
    declarant_id       bigint      references account (id),                        -- the farmer who declared
    applicant_name     text,
    risk_types         varchar(40)[] not null,
    description        text        not null,
    medical_expense    numeric(12, 2),
    income_loss        numeric(12, 2),
    disaster_loss      numeric(12, 2),
    contact_phone_enc  text,
    contact_phone_hash text,
    consent_text       text,
    stage_due          date,
    request_key        text unique,
    created_at         timestamptz not null,
    version            integer     not null default 0,
    check (household_id is not null or declarant_id is not null)
);
-- One open case per household; an unregistered farmer has one open declaration per village.
create unique index identification_case_open_household_idx on identification_case (household_id) where open and household_id is not null;
create unique index identification_case_open_declarant_idx on identification_case (declarant_id, region_code)
    where open and household_id is null;
create index identification_case_region_idx on identification_case (region_code, stage_due, id) where open;
create index identification_case_declarant_idx on identification_case (declarant_id, id);

create table case_event (
    id            bigint generated always as identity primary key,
    case_id       bigint      not null references identification_case (id),
    type          text        not null,
    stage         text        not null,
    actor_id      bigint,
    actor_role    text        not null,
    actor_region  char(12),
    at            timestamptz not null,
    reason        text,
    due           date
);
create index case_event_case_idx on case_event (case_id, id);
create trigger case_event_append_only before update or delete on case_event
    for each row execute function forbid_change();
