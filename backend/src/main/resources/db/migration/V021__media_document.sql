-- PDF documents join the photos: attachments of policies and notices. The type is still decided by the bytes;
-- file_name is the name the uploader gave (shown on the attachment and offered when it is saved), without a path.
alter table media drop constraint media_content_type_check;
alter table media add constraint media_content_type_check
    check (content_type in ('image/jpeg', 'image/png', 'application/pdf'));
alter table media add column file_name text check (file_name is null or char_length(file_name) between 1 and 120);
