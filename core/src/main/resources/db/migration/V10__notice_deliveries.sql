-- Amtsdesk local store, schema 10: signed notices a caseworker sent to a citizen through the functional account
-- (ADR 0017, de.amtsdesk.core.staff.NoticeSending). Kept in the store of the caseworker's staff profile from the
-- moment the file is queued in the functional account's outbox: once the outbox names the file's event ID the
-- staff event de.amtsdesk.case.notice.delivered (stage sent) is queued (sent_txn_id); once the citizen's read
-- receipt for it arrives, the same event with stage read (read_txn_id). Holds hashes and IDs, never the PDF.
CREATE TABLE notice_deliveries (
    file_txn_id   CHARACTER VARYING(255) NOT NULL PRIMARY KEY,
    case_id       CHARACTER VARYING(255) NOT NULL,
    pdf_sha256    CHARACTER(64) NOT NULL,
    draft_sha256  CHARACTER(64) NOT NULL,
    created_at    BIGINT NOT NULL,
    event_id      CHARACTER VARYING(255),
    sent_txn_id   CHARACTER VARYING(255),
    read_txn_id   CHARACTER VARYING(255)
);
