-- Administrative regions (行政区划), 12-digit statistical division codes. Loaded by region.RegionLoader.
create table region (
    code        char(12)  primary key check (code ~ '^[0-9]{12}$'),
    name        text      not null,
    level       smallint  not null check (level between 1 and 5),
    parent_code char(12)
);
create index region_parent_idx on region (parent_code);
-- Serves "everything under this prefix" (code like '410225%').
create index region_code_prefix_idx on region (code bpchar_pattern_ops);
