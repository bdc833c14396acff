-- Synthetic complaint tickets for bench/tickets.sh, written straight into the tables the backend uses:
-- psql -v n=1000000 -f bench/sql/tickets.sql
--
-- Where: the villages of the synthetic data (region level 5 under 41, every village of Henan). Each township draws
-- a weight log-uniform between 1 and 100 (a few townships with much work, many with little), each ticket a village
-- with probability proportional to its township's weight, so open tickets per township spread from a handful to
-- a couple of thousand.
-- What (the mix of a backlog under strain, judgement): 5 % waiting for acceptance (registered in the last two
-- days), 38 % being handled (accepted in the last 30 days: those older than 21 days are past their 15 working days),
-- 7 % replied and waiting for the rating, 44 % closed (over the last year, 8 % late), 4 % refused, 2 % merged. Handled
-- by the village (50 %), the township (40 %) or a county bureau (10 %); 3 % of open ones supervised, 8 % extended,
-- 1 % with an extension request pending, 10 % urged, 4 % sent back once. Channels: 12345 40 %, mini-program 25 %,
-- 12317, visits and letters 10 % each, other 5 %; half of the 12345 ones pushed by a platform (client_id).
-- Every ticket gets the steps its status implies (REGISTERED, ACCEPTED, ASSIGNED, REPLIED, CLOSED / REFUSED / MERGED),
-- so an inbox page loads steps as it would in production. Ticket numbers start with TB; rerunning adds n more.
\set ON_ERROR_STOP on
select setseed(0.20260101);

create temp table bench_village as
    select code, substr(code, 1, 9) || '000' as township, substr(code, 1, 6) || '000000' as county
      from region where level = 5 and code like '41%';
create temp table bench_township as
    select township, floor(power(10, 2 * random()))::int as w from (select distinct township from bench_village) t;
-- Each village once per unit of its township's weight: a uniform draw of a row is a weighted draw of a township.
create temp table bench_pick as
    select row_number() over (order by v.code, k) as i, v.code, v.township, v.county
      from bench_village v join bench_township t using (township), generate_series(1, t.w) k;
create unique index on bench_pick (i);
analyze bench_pick;

create temp table bench_ticket as
with draw as (
    select g, 1 + floor(random() * (select count(*) from bench_pick))::bigint as p,
           random() as rs, random() as rh, random() as rc, random() as rx, random() as ry, random() as rz
      from generate_series(1, :n) g
), placed as (
    select d.*, b.code as village, b.township, b.county,
           case when rs < 0.05 then 'REGISTERED' when rs < 0.43 then 'HANDLING' when rs < 0.50 then 'REPLIED'
                when rs < 0.94 then 'CLOSED' when rs < 0.98 then 'REFUSED' else 'MERGED' end as status,
           (now() at time zone 'Asia/Shanghai')::date as today
      from draw d join bench_pick b on b.i = d.p
), timed as (
    select p.*,
           now() - case status when 'REGISTERED' then rx * interval '2 days'
                               when 'HANDLING' then rx * interval '30 days'
                               when 'REPLIED' then interval '3 days' + rx * interval '20 days'
                               else rx * interval '365 days' end as created
      from placed p
)
select g, status, village, township,
       (array['HOTLINE_12345', 'MINIPROGRAM', 'HOTLINE_12317', 'VISIT', 'LETTER', 'OTHER'])[
           case when rc < 0.40 then 1 when rc < 0.65 then 2 when rc < 0.75 then 3 when rc < 0.85 then 4
                when rc < 0.95 then 5 else 6 end] as channel,
       (array['ASSISTANCE', 'MONITORING', 'SUBSIDY', 'HEALTH', 'EDUCATION', 'HOUSING', 'EMPLOYMENT', 'CADRE_CONDUCT',
              'OTHER'])[1 + floor(ry * 9)::int] as category,
       case when status in ('REGISTERED', 'REFUSED', 'MERGED') then null
            when rh < 0.5 then village when rh < 0.9 then township else county end as handler,
       created, (created at time zone 'Asia/Shanghai')::date as day, today, rx, ry, rz, rc
  from timed;

insert into ticket (ticket_no, channel, category, status, title, description, region_code, accept_region, handler_region,
                    accept_due, handle_due, extension_count, extension_pending_days, urge_count, supervised, supervise_due,
                    rehandle_count, satisfaction, replied_at, rate_from, auto_close_on, closed_at, closed_late,
                    client_id, external_no, created_at, updated_at)
select 'TB' || lpad((g + coalesce((select max(substr(ticket_no, 3)::bigint) from ticket where ticket_no like 'TB%'), 0))::text, 10, '0'),
       channel, category, status,
       (array['补贴未到账', '低保申请进展', '危房改造', '看病报销', '孩子助学金', '务工工资被拖欠', '饮水不安全', '干部态度'])[1 + floor(rz * 8)::int],
       '反映的事项：' || (array['今年的产业奖补资金至今未到账，请核实。', '家中老人患病，申请纳入监测。',
                           '房屋漏雨，申请危房改造。', '住院费用报销比例与政策不符。'])[1 + floor(ry * 4)::int],
       village, township, handler,
       day + 1,
       case when status in ('HANDLING', 'REPLIED', 'CLOSED') then day + 21 + case when rz < 0.08 then 10 else 0 end end,
       case when status in ('HANDLING', 'REPLIED', 'CLOSED') and rz < 0.08 then 1 else 0 end,
       case when status = 'HANDLING' and rz >= 0.08 and rz < 0.09 then 10 end,
       case when rc * 10 - floor(rc * 10) < 0.10 then 1 else 0 end,
       status = 'HANDLING' and rx * 100 - floor(rx * 100) < 0.03,
       case when status = 'HANDLING' and rx * 100 - floor(rx * 100) < 0.03 then today - 3 + floor(ry * 14)::int end,
       case when status in ('HANDLING', 'CLOSED') and ry * 100 - floor(ry * 100) < 0.04 then 1 else 0 end,
       case when status = 'CLOSED' then case when rz * 10 - floor(rz * 10) < 0.60 then 'SATISFIED'
                                             when rz * 10 - floor(rz * 10) < 0.82 then 'BASICALLY_SATISFIED' end end,
       case status when 'REPLIED' then created + interval '2 days' when 'CLOSED' then created + interval '10 days' end,
       case status when 'REPLIED' then day + 3 when 'CLOSED' then day + 11 end,
       case status when 'REPLIED' then day + 6 when 'CLOSED' then day + 14 end,
       case status when 'CLOSED' then created + interval '12 days' when 'REFUSED' then created + interval '1 day'
                   when 'MERGED' then created + interval '1 day' end,
       case when status = 'CLOSED' then ry * 10 - floor(ry * 10) < 0.08 end,
       case when channel = 'HOTLINE_12345' and rx < 0.5 then 'bench-12345' end,
       case when channel = 'HOTLINE_12345' and rx < 0.5 then 'KF' || g || '-' || floor(rc * 1e9)::bigint end,
       created,
       case status when 'REPLIED' then created + interval '2 days' when 'CLOSED' then created + interval '12 days'
                   when 'REFUSED' then created + interval '1 day' when 'MERGED' then created + interval '1 day'
                   else created end
  from bench_ticket;

-- The steps each status implies, at the times the row carries.
insert into ticket_event (ticket_id, type, status, actor_role, actor_region, at, content, target_region, due)
select t.id, s.type, s.status, s.role, s.region, s.at, s.content, s.target, s.due
  from ticket t
  cross join lateral (values
      (1, 'REGISTERED', 'REGISTERED', 'TOWNSHIP_CADRE', t.accept_region, t.created_at, '干部登记', t.accept_region, t.accept_due),
      (2, 'ACCEPTED', 'HANDLING', 'TOWNSHIP_CADRE', t.accept_region, t.created_at + interval '3 hours', null, null, null),
      (3, 'ASSIGNED', 'HANDLING', 'TOWNSHIP_CADRE', t.accept_region, t.created_at + interval '3 hours', null, t.handler_region, t.handle_due),
      (4, 'REPLIED', 'REPLIED', 'VILLAGE_CADRE', t.handler_region, t.replied_at, '经核实，已按政策办理。', null, t.rate_from),
      (5, 'CLOSED', 'CLOSED', null, null, t.closed_at, null, null, null),
      (6, 'REFUSED', 'REFUSED', 'TOWNSHIP_CADRE', t.accept_region, t.closed_at, '不属于受理范围', null, null),
      (7, 'MERGED', 'MERGED', 'TOWNSHIP_CADRE', t.accept_region, t.closed_at, '重复反映，已合并', null, null)
  ) as s(k, type, status, role, region, at, content, target, due)
 where t.ticket_no like 'TB%' and t.id > coalesce((select max(ticket_id) from ticket_event e
                                                      join ticket x on x.id = e.ticket_id and x.ticket_no like 'TB%'), 0)
   and (s.k = 1
     or (s.k in (2, 3) and t.status in ('HANDLING', 'REPLIED', 'CLOSED'))
     or (s.k = 4 and t.status in ('REPLIED', 'CLOSED'))
     or (s.k = 5 and t.status = 'CLOSED')
     or (s.k = 6 and t.status = 'REFUSED')
     or (s.k = 7 and t.status = 'MERGED'))
 order by t.id, s.k;

drop table bench_ticket, bench_pick, bench_township, bench_village;
vacuum analyze ticket;
vacuum analyze ticket_event;
