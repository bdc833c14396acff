-- Scope and region filters are half-open code ranges (region_code >= from and < to), which a plain btree
-- serves in prepared statements' generic plans too (a bound LIKE pattern cannot use the pattern index).
create index household_region_range_idx on household (region_code, id) where not deleted;
create index household_region_category_range_idx on household (region_code, category, id) where not deleted;
