-- Resident teams (驻村工作队): the team of a village, its members with their dispatch periods, and their leave
-- requests (src-docs/checkins.md). Rows hold the current state; every change is an append-only team_event.
create table resident_team (
    id             bigint generated always as identity primary key,
    village_code   char(12)    not null,
    unit_id        bigint,                                          -- the leading assistance unit (unit registry)
    start_date     date        not null,
    end_date       date,
    expected_days  integer     not null check (expected_days between 0 and 31),
    request_key    text        unique,
    created_at     timestamptz not null,
    actor_id       bigint,
    actor_role     text,
    actor_region   char(12),
    check (end_date is null or end_date >= start_date)
);
create index resident_team_village_idx on resident_team (village_code, id);

create table team_member (
    id             bigint generated always as identity primary key,
    team_id        bigint      not null references resident_team (id),
    account_id     bigint      not null references account (id),
    team_role      text        not null check (team_role in ('FIRST_SECRETARY', 'LEADER', 'MEMBER')),
    sending_unit   text,
    dispatch_from  date        not null,
    dispatch_to    date,
    ended_on       date,
    end_reason     text,
    created_at     timestamptz not null,
    check (dispatch_to is null or dispatch_to >= dispatch_from),
    check (ended_on is null or ended_on >= dispatch_from)
);
create index team_member_team_idx on team_member (team_id, id);
create index team_member_account_idx on team_member (account_id) where ended_on is null;

create table team_leave (
    id             bigint generated always as identity primary key,
    team_id        bigint      not null references resident_team (id),
    member_id      bigint      not null references team_member (id),
    account_id     bigint      not null references account (id),
    from_date      date        not null,
    to_date        date        not null,
    days           integer     not null,
    reason         text        not null,
    status         text        not null check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    decided_by     bigint,
    decided_role   text,
    decided_at     timestamptz,
    comment        text,
    request_key    text        unique,
    created_at     timestamptz not null,
    check (to_date >= from_date)
);
create index team_leave_team_idx on team_leave (team_id, id);
create index team_leave_member_idx on team_leave (member_id, from_date);

create table team_event (
    id           bigint generated always as identity primary key,
    team_id      bigint      not null references resident_team (id),
    member_id    bigint      references team_member (id),
    leave_id     bigint      references team_leave (id),
    type         text        not null check (type in ('CREATED', 'MEMBER_ADDED', 'MEMBER_ENDED', 'LEAVE_REQUESTED',
                                                      'LEAVE_APPROVED', 'LEAVE_REFUSED')),
    actor_id     bigint,
    actor_role   text,
    actor_region char(12),
    at           timestamptz not null,
    reason       text,
    data         jsonb       not null default '{}'
);
create index team_event_team_idx on team_event (team_id, id);
create trigger team_event_append_only before update or delete on team_event
    for each row execute function forbid_change();
