-- Indexes the ticket inbox and statistics need at provincial volume (1,000,000 tickets; src-docs/performance.md,
-- "Tickets"). Without them the todo list of a township read and sorted every open ticket of the township (and every
-- replied ticket of the province: the replied branch had no index by accepting unit), a county's or the province's
-- todo list every ticket in handling below it (pending extension requests), and the all list of a village or a
-- township scanned the table backwards by id.

-- Todo (TicketService.TODO): each kind of work in list order — supervised first, then the deadline that applies,
-- then id — so that the merged page stops after a page's worth of rows.
create index ticket_todo_accept_idx on ticket
    (accept_region, (not supervised), (coalesce(supervise_due, handle_due, accept_due, rate_from)), id)
    where status = 'REGISTERED';
create index ticket_todo_handler_idx on ticket
    (handler_region, (not supervised), (coalesce(supervise_due, handle_due, accept_due, rate_from)), id)
    where status = 'HANDLING';
create index ticket_todo_replied_idx on ticket
    (accept_region, (not supervised), (coalesce(supervise_due, handle_due, accept_due, rate_from)), id)
    where status = 'REPLIED';
-- Todo: extension requests of the units below, a few per township.
create index ticket_extension_pending_idx on ticket (handler_region)
    where status = 'HANDLING' and extension_pending_days is not null;
-- All (TicketService.ALL): tickets handled in the region whatever their status (ticket_handler_idx holds those in
-- handling only).
create index ticket_handler_all_idx on ticket (handler_region, id) where handler_region is not null;
-- Statistics (TicketStatsService): everything counted, read by an index-only scan of the region's code range.
create index ticket_stats_idx on ticket (region_code)
    include (created_at, status, category, channel, closed_late, accept_due, handle_due, supervise_due, extension_count,
             rehandle_count, satisfaction);
