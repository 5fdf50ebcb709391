-- Rooms that ever carried m.room.encryption. Rows are never deleted or downgraded: the outbox refuses to send in
-- clear into a room listed here even when the room directory forgot it (a damaged snapshot, a leave and rejoin).
-- The encryption state of a Matrix room cannot be turned off (spec: m.room.encryption), so neither can this.
CREATE TABLE encrypted_rooms (
    room_id     CHARACTER VARYING(255) NOT NULL PRIMARY KEY,
    algorithm   CHARACTER VARYING(255) NOT NULL,
    first_seen  BIGINT NOT NULL
);

-- Stores written before this table existed: every room with an encryption event or an encrypted event counts.
INSERT INTO encrypted_rooms (room_id, algorithm, first_seen)
SELECT room_id, 'm.megolm.v1.aes-sha2', MIN(origin_server_ts)
FROM events
WHERE event_type = 'm.room.encryption' OR decryption_status IN ('DECRYPTED', 'UNABLE_TO_DECRYPT')
GROUP BY room_id;
