-- Household lists are read in (region_code, id) order (HouseholdReads.search), so a page of a township or a
-- county comes straight from household_region_range_idx / household_region_category_range_idx without sorting.
-- A risk-type filter would still walk every household of the region, most of which have no risk at all (about
-- nine in ten): this partial index holds only the households with risk types, in the same order.
create index household_region_risk_idx on household (region_code, id) include (risk_types)
    where not deleted and risk_types <> '{}';
