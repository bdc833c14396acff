-- pgbench equivalent of GET /api/households/{id} as the county cadre: the household within scope, its current
-- members and its income years. (The API also writes one access record per cadre view; not included here.)
-- The id is drawn from bench_household (the county's households, filled by bench/households.sh): one extra
-- primary-key read of a small table per transaction.
\set k random(1, :nids)
select id from bench_household where n = :k \gset
select h.* from household h where h.id = :id and h.deleted = false and h.region_code like '410225%';
select m.* from member m where m.household_id = :id and m.removed = false order by m.id;
select i.* from household_income i where i.household_id = :id order by i.year;
