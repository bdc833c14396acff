-- The identification chain after the home visit (DOMAIN.md; seed 001 动态监测): 村评议 (village review with its
-- meeting), 公示 (public notice for a number of working days, objections that must be answered), 乡审核 and 县审定.
-- The case row keeps the current state; every step stays in the append-only tables below.

-- A step may carry a decision, where it was taken and the photos that document it. System steps (an overdue
-- reminder) and objections filed by the public have no account behind them, so the actor role may be empty.
alter table case_event
    add column decision    text check (decision in ('PASS', 'REJECT', 'RETURN')),
    add column latitude    double precision,
    add column longitude   double precision,
    add column attachments bigint[] not null default '{}';
alter table case_event alter column actor_role drop not null;

-- The declaration's own photos (bills, damage); the notice period of the current public notice.
alter table identification_case
    add column photo_ids   bigint[] not null default '{}',
    add column notice_ends date;

-- 村民主评议: when the meeting was held, how many took part, what it decided and why.
create table case_village_review (
    id            bigint generated always as identity primary key,
    case_id       bigint      not null references identification_case (id),
    meeting_date  date        not null,
    participants  integer     not null check (participants between 1 and 1000),
    decision      text        not null check (decision in ('PASS', 'REJECT', 'RETURN')),
    opinion       text        not null,
    actor_id      bigint,
    actor_role    text        not null,
    actor_region  char(12),
    at            timestamptz not null
);
create index case_village_review_case_idx on case_village_review (case_id, id);
create trigger case_village_review_append_only before update or delete on case_village_review
    for each row execute function forbid_change();

-- 异议: anyone may object while a case is under public notice. The contact is optional, the phone encrypted.
create table case_objection (
    id                 bigint generated always as identity primary key,
    case_id            bigint      not null references identification_case (id),
    content            text        not null,
    contact_name       text,
    contact_phone_enc  text,
    contact_phone_hash text,
    source_hash        text,        -- keyed hash of the sender's address, for abuse review only
    filed_at           timestamptz not null
);
create index case_objection_case_idx on case_objection (case_id, id);
create trigger case_objection_append_only before update or delete on case_objection
    for each row execute function forbid_change();

-- One answer per objection (the unique key makes a second answer a conflict, never an overwrite).
create table case_objection_answer (
    objection_id  bigint      primary key references case_objection (id),
    case_id       bigint      not null references identification_case (id),
    answer        text        not null,
    actor_id      bigint,
    actor_role    text        not null,
    actor_region  char(12),
    at            timestamptz not null
);
create index case_objection_answer_case_idx on case_objection_answer (case_id);
create trigger case_objection_answer_append_only before update or delete on case_objection_answer
    for each row execute function forbid_change();

-- The public notice board of a village lists its cases under notice.
create index identification_case_notice_idx on identification_case (region_code, id) where stage = 'PUBLIC_NOTICE';
