-- pgbench equivalent of GET /api/households as the county cadre of 兰考县 (scope = codes 410225000000 up to
-- 410226000000): region = random township or village (bench_region, filled by bench/households.sh) plus one
-- rotating extra filter, limit 20 (+1 to know whether there is a next page), first page in (village code, id)
-- order. Same statement as HouseholdReads.search: the list columns only, and one code range, the intersection
-- of the scope and the region (here the region, which lies inside the county).
-- The region's range is looked up first (a primary-key read of a 500-row table) and then passed as parameters
-- (-M prepared), as the backend does.
\set r random(1, :nregions)
select lo, hi from bench_region where n = :r \gset
\set k random(0, 3)
\set c random(1, 3)
\set t random(1, 13)
\set s random(1, 15)
\if :k = 0
select h.id, h.household_no, h.region_code, h.head_name, h.category, h.monitoring_type, h.risk_types, h.member_count
  from household h
 where h.deleted = false and h.region_code >= :lo and h.region_code < :hi
 order by h.region_code, h.id limit 21;
\elif :k = 1
select h.id, h.household_no, h.region_code, h.head_name, h.category, h.monitoring_type, h.risk_types, h.member_count
  from household h
 where h.deleted = false and h.region_code >= :lo and h.region_code < :hi
   and h.category = (array['GENERAL','LIFTED','MONITORED'])[:c]
 order by h.region_code, h.id limit 21;
\elif :k = 2
select h.id, h.household_no, h.region_code, h.head_name, h.category, h.monitoring_type, h.risk_types, h.member_count
  from household h
 where h.deleted = false and h.region_code >= :lo and h.region_code < :hi
   and h.risk_types <> '{}' and h.risk_types @> array[(array['ILLNESS','DISABILITY','EDUCATION','DISASTER','ACCIDENT','INDUSTRY_FAILURE','UNSTABLE_EMPLOYMENT','LABOR_SHORTAGE','HOUSING','DROPOUT','WATER','EXPENDITURE_OR_INCOME_DROP','OTHER'])[:t]::varchar(40)]
 order by h.region_code, h.id limit 21;
\else
select h.id, h.household_no, h.region_code, h.head_name, h.category, h.monitoring_type, h.risk_types, h.member_count
  from household h
 where h.deleted = false and h.region_code >= :lo and h.region_code < :hi
   and h.head_name like (array['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','马','朱','胡'])[:s] || '%'
 order by h.region_code, h.id limit 21;
\endif
