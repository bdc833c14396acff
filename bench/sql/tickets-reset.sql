-- Bench database only (bench/tickets.sh with RESET=1): back to the generated tickets (TB…) before a measured run, so
-- that the pushes and pgbench rows of earlier runs (about 130,000 registered tickets a run) do not change the mix.
-- Triggers (append-only steps, foreign keys) are off for this session: the self-referencing merged_into key has no
-- index, and a plain delete checked it with a scan of the table for every row.
\set ON_ERROR_STOP on
set session_replication_role = replica;
delete from ticket_event e using ticket t where t.id = e.ticket_id and t.ticket_no not like 'TB%';
delete from ticket_access a using ticket t where t.id = a.ticket_id and t.ticket_no not like 'TB%';
delete from ticket where ticket_no not like 'TB%';
delete from api_client where name = '压测 12345 平台';
reset session_replication_role;
vacuum analyze ticket;
vacuum analyze ticket_event;
