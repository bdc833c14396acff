-- Uploaded photos (receipts, damage, home visits). The bytes live on disk under dixian.media.dir, named by their
-- SHA-256; this row is what we know about them. EXIF location and time are kept as evidence, exactly as the camera
-- wrote them (taken_at is the camera's local time, unparsed). A photo is uploaded first and attached later by the
-- feature that uses it (attached_to, e.g. 'case:123'), which also places it in a region: until then only its
-- uploader may see it, afterwards also the cadres of that region.
create table media (
    id            bigint generated always as identity primary key,
    owner_id      bigint           not null references account (id),
    content_type  text             not null check (content_type in ('image/jpeg', 'image/png')),
    size          bigint           not null check (size > 0),
    sha256        char(64)         not null check (sha256 ~ '^[0-9a-f]{64}$'),
    latitude      double precision check (latitude between -90 and 90),
    longitude     double precision check (longitude between -180 and 180),
    taken_at      text,
    region_code   char(12)         check (region_code ~ '^[0-9]{12}$'),
    attached_to   text,
    created_at    timestamptz      not null,
    attached_at   timestamptz,
    check ((attached_to is null) = (region_code is null) and (attached_to is null) = (attached_at is null))
);
create index media_attached_to_idx on media (attached_to, id) where attached_to is not null;
