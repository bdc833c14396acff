-- pgbench equivalent of POST /api/cases/declarations: in one transaction the case row, its two events
-- (DECLARED, VISIT_ASSIGNED) and the outbox message for the village (case.declared), as CaseService.insert writes them. Rows are written closed (open = false) so that
-- random declarants and villages never meet the one-open-declaration unique index; the API's rows are open.
-- :declarant is drawn from the bench farmers' account ids (bench_declarant, filled by bench/declarations.sh).
\set d random(1, :ndeclarants)
\set k random(1, 2000000000)
select id as declarant from bench_declarant where n = :d \gset
begin;
insert into identification_case (source, stage, open, region_code, declarant_id, applicant_name, risk_types,
                                 description, medical_expense, contact_phone_enc, contact_phone_hash, consent_text,
                                 stage_due, request_key, created_at)
values ('FARMER_DECLARATION', 'VISIT', false, '410225101201', :declarant, '压测农户', '{ILLNESS}',
        '压测：住院自付费用较多', 12000, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        '0000000000000000000000000000000000000000000000000000000000000000', '本人同意村干部入户核实',
        current_date + 2, 'pgbench:' || :client_id || ':' || :k || ':' || clock_timestamp(), now())
returning id as case_id \gset
insert into case_event (case_id, type, stage, actor_id, actor_role, actor_region, at)
values (:case_id, 'DECLARED', 'VISIT', :declarant, 'FARMER', null, now());
insert into case_event (case_id, type, stage, actor_id, actor_role, actor_region, at, reason, due)
values (:case_id, 'VISIT_ASSIGNED', 'VISIT', :declarant, 'FARMER', null, now(), '由村级入户核实，2 个工作日内完成', current_date + 2);
insert into outbox (topic, dedup_key, payload, created_at, next_attempt_at)
select 'case.declared', 'case:' || id || ':' || 'declared', jsonb_build_object('caseId', id, 'regionCode', region_code), now(), now()
  from identification_case where id = :case_id;
commit;
