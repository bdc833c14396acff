-- Indexes the ticket inbox and statistics need at provincial volume (1,000,000 tickets; src-docs/performance.md,
-- "Tickets"). Without them the todo list read every replied ticket of the province (the replied branch had no index
-- by accepting unit) and, for a county or the province, every ticket in handling below it (pending extension
-- requests); the all list of a village or township scanned the whole table backwards by id.

-- Todo: replies waiting for the accepting unit's follow-up from their rating day.
create index ticket_replied_accept_idx on ticket (accept_region, rate_from) where status = 'REPLIED';
-- Todo: extension requests of the units below, a few per township.
create index ticket_extension_pending_idx on ticket (handler_region)
    where status = 'HANDLING' and extension_pending_days is not null;
-- All: tickets handled in the region whatever their status (ticket_handler_idx holds those in handling only).
create index ticket_handler_all_idx on ticket (handler_region, id) where handler_region is not null;
-- Statistics: everything TicketStatsService counts, read by an index-only scan of the region's range.
create index ticket_stats_idx on ticket (region_code)
    include (created_at, status, category, channel, closed_late, accept_due, handle_due, supervise_due, extension_count,
             rehandle_count, satisfaction);
