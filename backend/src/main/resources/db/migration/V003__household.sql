-- Household registry (农户): households, members, yearly income, append-only events and the access log.
-- Field lists follow the national monitoring practice (两不愁三保障, 饮水安全, 收入构成) and Henan's analyses (seed 001).

create table household (
    id                 bigint generated always as identity primary key,
    household_no       text        not null unique,            -- 户编号, 18 digits: village code + 6-digit sequence
    region_code        char(12)    not null check (region_code ~ '^[0-9]{12}$'),
    address            text,
    category           text        not null check (category in ('GENERAL', 'LIFTED', 'MONITORED')),
    lifted_year        smallint,                               -- LIFTED: 脱贫年度
    enjoys_policy      boolean,                                -- LIFTED: 是否享受政策
    monitoring_type    text check (monitoring_type in ('UNSTABLE_LIFTED', 'MARGINAL', 'SUDDEN_HARDSHIP')),
    risk_types         varchar(40)[] not null default '{}',
    monitoring_start   date,
    risk_eliminated    boolean     not null default false,
    risk_eliminated_on date,
    housing_safe       boolean,
    water_safe         boolean,
    bank_account_enc   text,                                   -- AES-GCM
    bank_account_hash  text,
    head_name          text        not null,                   -- denormalised for lists and search
    member_count       smallint    not null default 0,
    deleted            boolean     not null default false,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            integer     not null default 0,
    request_key        text unique
);
create index household_region_idx on household (region_code bpchar_pattern_ops, id) where not deleted;
create index household_category_idx on household (region_code bpchar_pattern_ops, category, id) where not deleted;
create index household_head_name_idx on household (head_name text_pattern_ops) where not deleted;
create index household_risk_types_idx on household using gin (risk_types) where not deleted;

create table member (
    id                 bigint generated always as identity primary key,
    household_id       bigint      not null references household (id),
    name               text        not null,
    id_card_enc        text        not null,                   -- AES-GCM
    id_card_hash       text        not null,                   -- blind index for exact search
    gender             text        not null check (gender in ('MALE', 'FEMALE')),
    birth_date         date        not null,
    relation           text        not null,                   -- relation to head: HEAD, SPOUSE, SON, ...
    ethnicity          text,
    political_status   text,
    education          text,
    schooling_status   text,
    health             text,
    disability_grade   smallint,
    labor_ability      text,
    work_status        text,
    work_place         text,
    pension_insured    boolean,
    medical_insured    boolean,
    phone_enc          text,
    phone_hash         text,
    phone_last4        char(4),
    assistance_status  text,                                   -- 低保/特困: NONE, DIBAO, TEKUN
    removed            boolean     not null default false,
    created_at         timestamptz not null default now(),
    version            integer     not null default 0
);
-- A person belongs to at most one household at a time.
create unique index member_id_card_active_idx on member (id_card_hash) where not removed;
create index member_household_idx on member (household_id) where not removed;
create index member_phone_idx on member (phone_hash) where not removed;
create index member_phone_last4_idx on member (phone_last4) where not removed;

create table household_income (
    household_id       bigint   not null references household (id),
    year               smallint not null,
    wage               numeric(12, 2) not null default 0,      -- 工资性收入
    production         numeric(12, 2) not null default 0,      -- 生产经营性收入
    property           numeric(12, 2) not null default 0,      -- 财产性收入
    transfer           numeric(12, 2) not null default 0,      -- 转移性收入
    production_cost    numeric(12, 2) not null default 0,      -- 生产经营性支出
    members            smallint not null,
    per_capita_net     numeric(12, 2) not null,                -- (收入合计 - 生产经营性支出) / 人口
    primary key (household_id, year)
);

-- Append-only history: who, when, where, what changed (from → to), why.
create table household_event (
    id            bigint generated always as identity primary key,
    household_id  bigint      not null references household (id),
    member_id     bigint,
    type          text        not null,
    actor_id      bigint,
    actor_role    text,
    actor_region  char(12),
    at            timestamptz not null default now(),
    reason        text,
    changes       text                                     -- JSON array of {field, from, to}
);
create index household_event_household_idx on household_event (household_id, id);
create trigger household_event_append_only before update or delete on household_event
    for each row execute function forbid_change();

-- Every cadre read of a household detail and every reveal of a protected value (PIPL).
create table household_access (
    id            bigint generated always as identity primary key,
    household_id  bigint      not null references household (id),
    member_id     bigint,
    kind          text        not null check (kind in ('VIEW', 'REVEAL')),
    field         text,
    actor_id      bigint,
    actor_role    text        not null,
    actor_region  char(12),
    at            timestamptz not null default now(),
    reason        text
);
create index household_access_household_idx on household_access (household_id, id);
create trigger household_access_append_only before update or delete on household_access
    for each row execute function forbid_change();

alter table account add constraint account_household_fk foreign key (household_id) references household (id);
