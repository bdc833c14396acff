-- Complaint tickets (信访/投诉工单) with the 12345 handling cycle (src-docs/tickets.md): the row holds the current
-- state and deadlines; every step is an append-only ticket_event; every reveal of the complainant's identity is a
-- ticket_access record.
create sequence ticket_no_seq;

create table ticket (
    id                     bigint generated always as identity primary key,
    ticket_no              text        not null unique,
    channel                text        not null check (channel in ('MINIPROGRAM', 'HOTLINE_12345', 'HOTLINE_12317', 'LETTER', 'VISIT', 'OTHER')),
    category               text        not null check (category in ('ASSISTANCE', 'MONITORING', 'SUBSIDY', 'HEALTH', 'EDUCATION',
                                                                    'HOUSING', 'EMPLOYMENT', 'CADRE_CONDUCT', 'OTHER')),
    status                 text        not null check (status in ('REGISTERED', 'HANDLING', 'REPLIED', 'CLOSED', 'REFUSED', 'MERGED')),
    title                  text        not null,
    description            text        not null,
    region_code            char(12)    not null check (region_code ~ '^[0-9]{12}$'),  -- where the matter is
    household_id           bigint      references household (id),
    complainant_id         bigint      references account (id),                       -- the farmer who filed it
    anonymous              boolean     not null default false,
    complainant_name_enc   text,
    complainant_phone_enc  text,
    complainant_phone_hash text,
    accept_region          char(12)    not null,                                      -- the unit that accepts
    accepted_by            bigint,
    handler_region         char(12),                                                  -- the unit that handles
    accept_due             date,
    handle_due             date,
    extension_count        integer     not null default 0,
    extension_pending_days integer,
    urge_count             integer     not null default 0,
    auto_urged_on          date,
    supervised             boolean     not null default false,
    supervise_due          date,
    rehandle_count         integer     not null default 0,
    satisfaction           text        check (satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    replied_at             timestamptz,
    rate_from              date,
    auto_close_on          date,
    closed_at              timestamptz,
    closed_late            boolean,
    merged_into            bigint      references ticket (id),
    case_id                bigint      references identification_case (id),
    client_id              text,
    external_no            text,
    photo_ids              bigint[]    not null default '{}',
    request_key            text        unique,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                integer     not null default 0,
    unique (client_id, external_no)
);
-- Inboxes: the handling unit's open tickets, the accepting unit's tickets waiting for acceptance, the region's
-- list newest first, the complainant's own, and the third party's updates.
create index ticket_handler_idx on ticket (handler_region, supervised desc, handle_due, id) where status = 'HANDLING';
create index ticket_accept_idx on ticket (accept_region, accept_due, id) where status = 'REGISTERED';
create index ticket_region_idx on ticket (region_code, id);
create index ticket_complainant_idx on ticket (complainant_id, id) where complainant_id is not null;
create index ticket_client_updated_idx on ticket (client_id, updated_at, id) where client_id is not null;
create index ticket_due_idx on ticket (handle_due) where status = 'HANDLING';
create index ticket_replied_idx on ticket (auto_close_on) where status = 'REPLIED';

create table ticket_event (
    id            bigint generated always as identity primary key,
    ticket_id     bigint      not null references ticket (id),
    type          text        not null,
    status        text        not null,
    actor_id      bigint,
    actor_role    text,
    actor_region  char(12),
    at            timestamptz not null,
    content       text,
    target_region char(12),
    due           date,
    satisfaction  text,
    attachments   bigint[]    not null default '{}'
);
create index ticket_event_ticket_idx on ticket_event (ticket_id, id);
create trigger ticket_event_append_only before update or delete on ticket_event
    for each row execute function forbid_change();

-- Who saw the complainant's name and phone, when and why.
create table ticket_access (
    id            bigint generated always as identity primary key,
    ticket_id     bigint      not null references ticket (id),
    actor_id      bigint,
    actor_role    text        not null,
    actor_region  char(12),
    at            timestamptz not null,
    reason        text        not null
);
create index ticket_access_ticket_idx on ticket_access (ticket_id, id);
create trigger ticket_access_append_only before update or delete on ticket_access
    for each row execute function forbid_change();
