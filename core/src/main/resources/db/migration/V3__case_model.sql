-- Amtsdesk local store, schema 3: the case model of the unit (ADR 0005, "Transport and persistence").
-- Inside the encrypted file like everything else, so notes, audit details and the search index may hold clear text.

-- Where the fold of the unit's staff log stands. One unit (staff room) per profile. The snapshot is the CaseBook as
-- JSON (de.amtsdesk.core.staff.SnapshotCodec, versioned by snapshot_format); the cursors are stream_order positions:
-- staff_cursor in this database's events table (the staff room), citizen_cursor in the events table of the
-- functional account's store named by citizen_source. All of it is written together, so a restart resumes exactly
-- after what the snapshot contains; anything folded after it is folded again (the audit and the index are
-- idempotent, the book drops nothing it has not seen).
CREATE TABLE case_fold_state (
    id                   TINYINT DEFAULT 1 NOT NULL PRIMARY KEY CHECK (id = 1),
    staff_room_id        CHARACTER VARYING(255) NOT NULL,
    snapshot_format      INTEGER NOT NULL,
    snapshot_json        CHARACTER LARGE OBJECT NOT NULL,
    last_staff_event_id  CHARACTER VARYING(255),
    staff_cursor         BIGINT NOT NULL CHECK (staff_cursor >= 0),
    citizen_source       CHARACTER VARYING(255),
    citizen_cursor       BIGINT DEFAULT 0 NOT NULL CHECK (citizen_cursor >= 0),
    updated_at           BIGINT NOT NULL
);

-- The audit trail: every applied or rejected staff change, membership and power-level change, and status change
-- caused by a citizen message. Append-only. (event_id, entry_index) identifies an entry across re-folds: the fold
-- writes the same entries in the same order for the same event, so a replay after a crash adds nothing.
CREATE TABLE case_audit (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      CHARACTER VARYING(255) NOT NULL,
    entry_index   INTEGER NOT NULL CHECK (entry_index >= 0),
    at            BIGINT NOT NULL,
    actor         CHARACTER VARYING(255) NOT NULL,
    case_id       CHARACTER VARYING(255),
    action        CHARACTER VARYING(255) NOT NULL,
    outcome       CHARACTER VARYING(16) NOT NULL CHECK (outcome IN ('APPLIED', 'REJECTED')),
    rejection     CHARACTER VARYING(64),
    detail        CHARACTER VARYING(2048),
    -- [{"field":..,"before":..,"after":..}, ...]
    changes_json  CHARACTER LARGE OBJECT NOT NULL,
    CONSTRAINT case_audit_entry UNIQUE (event_id, entry_index),
    CHECK ((outcome = 'REJECTED') = (rejection IS NOT NULL))
);
CREATE INDEX case_audit_by_case ON case_audit (case_id, seq);
CREATE INDEX case_audit_by_actor ON case_audit (actor, seq);
CREATE INDEX case_audit_by_time ON case_audit (at, seq);

-- Full-text search over the locally decrypted conversation text (citizen rooms of the functional account) and the
-- case notes: an inverted index of our own (normalised terms -> documents), searched by term prefix.
CREATE TABLE search_document (
    doc_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id  CHARACTER VARYING(255) NOT NULL UNIQUE,
    room_id   CHARACTER VARYING(255) NOT NULL,
    -- Set for notes; for messages the case is found through the room when searching.
    case_id   CHARACTER VARYING(255),
    kind      CHARACTER VARYING(8) NOT NULL CHECK (kind IN ('MESSAGE', 'NOTE')),
    sender    CHARACTER VARYING(255) NOT NULL,
    at        BIGINT NOT NULL,
    body      CHARACTER VARYING(100000) NOT NULL
);
CREATE INDEX search_document_by_room ON search_document (room_id, doc_id);

CREATE TABLE search_term (
    term    CHARACTER VARYING(64) NOT NULL,
    doc_id  BIGINT NOT NULL,
    PRIMARY KEY (term, doc_id)
);

-- Citizen-room messages that were not yet decryptable when the fold passed them: indexed once their key arrives.
CREATE TABLE search_pending (
    event_id  CHARACTER VARYING(255) NOT NULL PRIMARY KEY,
    added_at  BIGINT NOT NULL
);
