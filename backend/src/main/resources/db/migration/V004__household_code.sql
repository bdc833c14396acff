-- 一户一码: the current QR code of each household. A code is signed (HMAC) and revocable: revoking
-- replaces the row's code, so an old sticker stops working.
create table household_code (
    household_id bigint      primary key references household (id),
    code         text        not null unique,
    created_at   timestamptz not null default now(),
    created_by   bigint
);
