-- pgbench equivalent of GET /api/households/{id} as the county cadre, when the detail is not in the backend's
-- cache: the statement of HouseholdReads.detail (the household within scope with its current members and income
-- years as JSON) plus the access record the API writes for every cadre view (one row here; the backend writes
-- them in batches).
-- The id is drawn from bench_household (the county's households, filled by bench/households.sh): one extra
-- primary-key read of a small table per transaction.
\set k random(1, :nids)
select id from bench_household where n = :k \gset
select h.*,
       (select coalesce(json_agg(m order by m.id), '[]'::json)
          from member m where m.household_id = h.id and not m.removed) as members_json,
       (select coalesce(json_agg(i order by i.year), '[]'::json)
          from household_income i where i.household_id = h.id) as incomes_json
  from household h
 where h.id = :id and h.deleted = false and h.region_code >= '410225000000' and h.region_code < '410226000000';
insert into household_access (household_id, kind, actor_id, actor_role, actor_region, at)
values (:id, 'VIEW', 3, 'COUNTY_CADRE', '410225000000', now());
