-- Check-ins (签到) as evidence for a piece of work, never a standalone daily punch (src-docs/checkins.md), and the
-- village geofences they are measured against. Both tables are append-only: a check-in is never changed or removed,
-- and a geofence change is a new row (the newest row of a village is its current geofence, older rows its history).
create table geofence (
    id            bigint generated always as identity primary key,
    village_code  char(12)         not null check (village_code ~ '^[0-9]{12}$' and village_code !~ '000$'),
    latitude      double precision not null check (latitude between -90 and 90),
    longitude     double precision not null check (longitude between -180 and 180),
    radius_meters integer          not null check (radius_meters between 100 and 20000),
    actor_id      bigint,
    actor_role    text,
    actor_region  char(12),
    at            timestamptz      not null
);
create index geofence_village_idx on geofence (village_code, id);
create trigger geofence_append_only before update or delete on geofence
    for each row execute function forbid_change();

create table checkin (
    id              bigint generated always as identity primary key,
    account_id      bigint           not null references account (id),
    actor_role      text             not null,                      -- the account's role and region at the time
    actor_region    char(12),
    task            text             not null check (task in ('HOME_VISIT', 'REVIEW_MEETING', 'DUTY_DAY', 'TEAM_ATTENDANCE', 'OTHER')),
    task_ref        text             check (length(task_ref) between 1 and 40),
    -- null and '' are the same work for the once-a-day rule
    task_key        text             generated always as (coalesce(task_ref, '')) stored,
    village_code    char(12)         not null,
    at              timestamptz      not null,                      -- server time
    day             date             not null,                      -- Beijing date of at
    latitude        double precision not null,
    longitude       double precision not null,
    accuracy        double precision not null,
    distance_meters double precision,
    inside          boolean,
    field_reason    text,
    photo_id        bigint,
    client_time     timestamptz,
    flags           text[]           not null default '{}',
    request_key     text             unique,                        -- account id and Idempotency-Key
    constraint checkin_once_a_day unique (account_id, task, task_key, day)
);
create index checkin_account_idx on checkin (account_id, at);
create index checkin_village_day_idx on checkin (village_code, day);
create trigger checkin_append_only before update or delete on checkin
    for each row execute function forbid_change();
