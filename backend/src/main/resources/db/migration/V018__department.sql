-- Departments (职能部门) as ticket handling units (src-docs/tickets.md): a county or higher region's 民政局, 医保局 …
-- registered once, optionally tied to the department's own system (an api_client with tickets:handle) that pulls
-- and handles the tickets given to it. Every change is an append-only department_event.
create table department (
    id            bigint generated always as identity primary key,
    name          text        not null check (length(name) between 1 and 40),
    kind          text        not null check (kind in ('CIVIL_AFFAIRS', 'MEDICAL_INSURANCE', 'DISABLED_FEDERATION', 'EDUCATION',
                                                       'HOUSING', 'WATER', 'HUMAN_RESOURCES', 'EMERGENCY', 'PUBLIC_SECURITY',
                                                       'AGRICULTURE', 'HEALTH', 'OTHER')),
    region_code   char(12)    not null check (region_code ~ '^[0-9]{6}000000$'),  -- county level or above
    contact_phone text,
    client_id     text        references api_client (client_id),
    created_at    timestamptz not null,
    actor_id      bigint,                                                          -- who registered it
    actor_role    text,
    actor_region  char(12),
    constraint department_region_name_key unique (region_code, name)
);
create index department_client_idx on department (client_id) where client_id is not null;

create table department_event (
    id            bigint generated always as identity primary key,
    department_id bigint      not null references department (id),
    type          text        not null check (type in ('CREATED')),
    actor_id      bigint,
    actor_role    text,
    actor_region  char(12),
    at            timestamptz not null,
    data          jsonb       not null
);
create index department_event_department_idx on department_event (department_id, id);
create trigger department_event_append_only before update or delete on department_event
    for each row execute function forbid_change();

-- A ticket given to a department: the handling region is the department's region, the department is named here.
alter table ticket add column handler_department_id bigint references department (id);
create index ticket_department_updated_idx on ticket (handler_department_id, updated_at, id)
    where handler_department_id is not null;

-- Steps that name a department (交办/转办 to it) keep its id and its name at the time; steps of a department system
-- keep which client acted (actor_role API_CLIENT, actor_region its region), as do reveals of the complainant.
alter table ticket_event add column target_department_id bigint references department (id);
alter table ticket_event add column target_department text;
alter table ticket_event add column actor_client text;
alter table ticket_access add column actor_client text;
