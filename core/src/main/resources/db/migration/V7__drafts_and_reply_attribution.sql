-- Amtsdesk local store, schema 7: unsent drafts, and replies waiting for their attribution in the staff log.
-- Inside the encrypted file like everything else (ADR 0004), so drafts may hold clear text.

-- What a caseworker typed and has not sent yet, per conversation: the key is a case ID or a room ID (the app decides
-- which; one namespace). Saving an empty text deletes the row (DraftRepository). Survives lock/unlock and restarts.
CREATE TABLE drafts (
    draft_key   CHARACTER VARYING(255) NOT NULL PRIMARY KEY,
    text        CHARACTER LARGE OBJECT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- A reply sent by a caseworker through the functional account (ADR 0011). Kept in the store of the caseworker's
-- staff profile from the moment the reply is queued in the functional account's outbox until the staff event
-- de.amtsdesk.case.replied naming the reply's event ID has been queued into the staff room (staff_txn_id set).
-- Holds the SHA-256 of the text, never the text itself.
CREATE TABLE reply_attributions (
    reply_txn_id  CHARACTER VARYING(255) NOT NULL PRIMARY KEY,
    case_id       CHARACTER VARYING(255) NOT NULL,
    kind          CHARACTER VARYING(16) NOT NULL CHECK (kind IN ('text', 'poll', 'file', 'template')),
    template_id   CHARACTER VARYING(255),
    body_sha256   CHARACTER(64) NOT NULL,
    created_at    BIGINT NOT NULL,
    staff_txn_id  CHARACTER VARYING(255),
    CHECK ((kind = 'template') = (template_id IS NOT NULL))
);
