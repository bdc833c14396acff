-- Village work logs (驻村日志, src-docs/checkins.md "Village work logs"): append-only, a correction is a new log.
-- Comments (批注) by supervisors are append-only too.
create table work_log (
    id            bigint generated always as identity primary key,
    account_id    bigint           not null,                      -- the author
    author_role   text             not null,
    author_region char(12)         not null,
    village_code  char(12)         not null check (village_code !~ '000$'),
    work_date     date             not null,
    content       text             not null check (length(content) between 1 and 2000),
    photo_ids     bigint[]         not null default '{}',
    household_ids bigint[]         not null default '{}',
    latitude      double precision check (latitude between -90 and 90),
    longitude     double precision check (longitude between -180 and 180),
    accuracy      double precision check (accuracy >= 0),
    task_ref      text             check (length(task_ref) <= 40),
    request_key   text             unique,                        -- <account id>:<Idempotency-Key>
    created_at    timestamptz      not null
);
-- Keyset pages (id desc) of a region and exports by period both start from the village code range.
create index work_log_village_idx on work_log (village_code, id);
create index work_log_village_date_idx on work_log (village_code, work_date);
create trigger work_log_append_only before update or delete on work_log
    for each row execute function forbid_change();

create table work_log_comment (
    id           bigint generated always as identity primary key,
    log_id       bigint      not null references work_log (id),
    actor_id     bigint,
    actor_role   text,
    actor_region char(12),
    content      text        not null check (length(content) between 1 and 500),
    at           timestamptz not null
);
create index work_log_comment_log_idx on work_log_comment (log_id, id);
create trigger work_log_comment_append_only before update or delete on work_log_comment
    for each row execute function forbid_change();
