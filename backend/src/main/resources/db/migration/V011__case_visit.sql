-- 入户核实 (home visit) records: what the visiting cadre found (两不愁三保障 and drinking water, income, big
-- expenditures, the risk types confirmed), where the device was (with its accuracy) and when the server received
-- it. Append-only: a case returned to the visit stage gets a second record, the first stays.
create table case_visit (
    id                bigint generated always as identity primary key,
    case_id           bigint        not null references identification_case (id),
    per_capita_income numeric(12, 2) not null,
    big_expenditure   numeric(12, 2),
    food_and_clothing boolean       not null,
    education         boolean       not null,
    medical           boolean       not null,
    housing           boolean       not null,
    drinking_water    boolean       not null,
    risk_types        varchar(40)[] not null,
    findings          text          not null,
    latitude          double precision not null,
    longitude         double precision not null,
    accuracy          double precision not null,
    actor_id          bigint,
    actor_role        text          not null,
    actor_region      char(12),
    at                timestamptz   not null
);
create index case_visit_case_idx on case_visit (case_id, id);
create trigger case_visit_append_only before update or delete on case_visit
    for each row execute function forbid_change();
