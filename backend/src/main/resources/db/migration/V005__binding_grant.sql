-- Which member a farmer account is bound as, and the head's permission for other members to bind
-- (issue: the household head can allow other members' WeChat accounts).
alter table account add column member_id bigint references member (id);

create table household_binding_grant (
    household_id bigint      not null references household (id),
    member_id    bigint      not null references member (id),
    granted_by   bigint      not null references account (id),
    granted_at   timestamptz not null default now(),
    primary key (household_id, member_id)
);
