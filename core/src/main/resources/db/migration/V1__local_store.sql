-- Amtsdesk local store, schema 1 (ADR 0004). The whole file is encrypted by H2 (CIPHER=AES), so clear text
-- (decrypted content, the access token) may live here and nowhere else on disk.
-- Times are epoch milliseconds (UTC). Enum-like columns hold Java enum names; CHECKs keep stray values out.

-- The one account of this data directory (a workstation profile is one device of the functional account).
CREATE TABLE account (
    id            TINYINT DEFAULT 1 NOT NULL PRIMARY KEY CHECK (id = 1),
    homeserver    CHARACTER VARYING(2048) NOT NULL,
    user_id       CHARACTER VARYING(255)  NOT NULL,
    device_id     CHARACTER VARYING(255)  NOT NULL,
    -- NULL after a soft logout: everything else (and the crypto store) stays for the next login.
    access_token  CHARACTER VARYING(8192),
    display_name  CHARACTER VARYING(1024),
    updated_at    BIGINT NOT NULL
);

-- Where /sync continues. One row; written in the same transaction as the events of the batch it ends.
CREATE TABLE sync_state (
    id            TINYINT DEFAULT 1 NOT NULL PRIMARY KEY CHECK (id = 1),
    since_token   CHARACTER VARYING(4096) NOT NULL,
    updated_at    BIGINT NOT NULL
);

CREATE TABLE rooms (
    room_id               CHARACTER VARYING(255) NOT NULL PRIMARY KEY,
    display_name          CHARACTER VARYING(1024),
    encrypted             BOOLEAN NOT NULL,
    membership            CHARACTER VARYING(16) NOT NULL
                          CHECK (membership IN ('JOIN', 'INVITE', 'LEAVE', 'BAN', 'KNOCK')),
    last_activity         BIGINT NOT NULL,
    last_message_preview  CHARACTER VARYING(1024),
    unread_count          INTEGER DEFAULT 0 NOT NULL CHECK (unread_count >= 0)
);
CREATE INDEX rooms_by_activity ON rooms (last_activity DESC, room_id);

CREATE TABLE events (
    -- Order of arrival, which is timeline order for sync; gaps are harmless (rolled-back inserts).
    stream_order         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id             CHARACTER VARYING(255) NOT NULL UNIQUE,
    room_id              CHARACTER VARYING(255) NOT NULL,
    sender               CHARACTER VARYING(255) NOT NULL,
    origin_server_ts     BIGINT NOT NULL,
    -- The clear type after decryption; m.room.encrypted while the event cannot be decrypted.
    event_type           CHARACTER VARYING(255) NOT NULL,
    -- The clear content after decryption (or of a plaintext event); NULL while undecryptable.
    content_json         CHARACTER VARYING(1000000),
    -- The event as the homeserver sent it (ciphertext for encrypted events), kept for retries and audits.
    raw_json             CHARACTER VARYING(1000000) NOT NULL,
    decryption_status    CHARACTER VARYING(24) NOT NULL
                         CHECK (decryption_status IN ('PLAINTEXT', 'DECRYPTED', 'UNABLE_TO_DECRYPT')),
    decryption_error     CHARACTER VARYING(1024),
    -- Megolm session of an encrypted event: when its key arrives, the events to retry are found by it.
    session_id           CHARACTER VARYING(255),
    verification_state   CHARACTER VARYING(64),
    -- m.relates_to with a rel_type (edits m.replace, poll responses m.reference, threads m.thread).
    relates_to_event_id  CHARACTER VARYING(255),
    relation_type        CHARACTER VARYING(255)
);
CREATE INDEX events_timeline ON events (room_id, stream_order);
CREATE INDEX events_undecryptable ON events (decryption_status, session_id);
CREATE INDEX events_relations ON events (relates_to_event_id);

-- Messages written here before they are sent; clear content, encrypted for the room only at send time.
CREATE TABLE outbox (
    seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    txn_id           CHARACTER VARYING(64) NOT NULL UNIQUE,
    room_id          CHARACTER VARYING(255) NOT NULL,
    event_type       CHARACTER VARYING(255) NOT NULL,
    content_json     CHARACTER VARYING(1000000) NOT NULL,
    attachment_path  CHARACTER VARYING(4096),
    state            CHARACTER VARYING(16) NOT NULL CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
    attempts         INTEGER DEFAULT 0 NOT NULL,
    last_error       CHARACTER VARYING(1024),
    event_id         CHARACTER VARYING(255),
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX outbox_by_room ON outbox (room_id, state, seq);
CREATE INDEX outbox_by_state ON outbox (state, seq);
