-- 拆单: a ticket raising several matters is split into sub-tickets, each handled by its own unit; both numbers stay.
alter table ticket add column split_from bigint references ticket (id);
create index ticket_split_from_idx on ticket (split_from) where split_from is not null;
