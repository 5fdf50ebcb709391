-- The room directory (names, members, encryption of every room) as the sync loop knows it, saved together with
-- the since token: after a restart, an incremental sync from that token needs it to name rooms and to know whom
-- to share room keys with. JSON, inside the encrypted database like everything else here.
ALTER TABLE sync_state ADD COLUMN room_directory CHARACTER LARGE OBJECT;
