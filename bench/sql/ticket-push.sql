-- pgbench equivalent of POST /api/external/tickets (bench/tickets.sh): in one transaction what ExternalTicketService
-- writes for a new ticket — the number from ticket_no_seq, the ticket row and its REGISTERED step. The rows are
-- anonymous: ciphertexts cannot be made here, and made-up ones would break every list that shows these tickets (the
-- API encrypts name and phone in Java, which costs the database nothing). The API also reads the ticket back before
-- and after; pgbench does not. :village is drawn from bench_push_village (filled by bench/tickets.sh).
\set v random(1, :nvillages)
select code as village, substr(code, 1, 9) || '000' as township from bench_push_village where n = :v \gset
begin;
insert into ticket (ticket_no, channel, category, status, title, description, region_code, accept_region, anonymous,
                    complainant_phone_hash, accept_due, client_id, external_no, created_at, updated_at)
values ('TP' || nextval('ticket_no_seq'), 'HOTLINE_12345', 'SUBSIDY', 'REGISTERED', '补贴未到账',
        '压测：来电反映今年的产业奖补资金至今未到账，请核实。', :village, :township, true,
        '0000000000000000000000000000000000000000000000000000000000000000', current_date + 1, 'pgbench',
        'PGB-' || :client_id || '-' || clock_timestamp() || '-' || random(), now(), now())
returning id as ticket_id \gset
insert into ticket_event (ticket_id, type, status, actor_role, actor_region, at, content, target_region, due)
values (:ticket_id, 'REGISTERED', 'REGISTERED', 'API_CLIENT', '410000000000', now(), '第三方平台推送（压测）', :township,
        current_date + 1);
commit;
