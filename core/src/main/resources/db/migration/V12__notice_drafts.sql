-- Amtsdesk local store, schema 12: the notice a caseworker is drafting for a case (ADR 0017), inside the encrypted
-- file like everything else (ADR 0004). Once sign-off is requested, the approval names the SHA-256 of exactly these
-- PDF bytes: a restart must keep them (rendering again gives other bytes: the PDF carries its creation time), or an
-- approved notice could never be signed. The attachments (PDF/A-3 associated files) wait here until the request
-- embeds them. One row per case; the staff profile's store, not the functional account's.
CREATE TABLE notice_drafts (
    case_id        CHARACTER VARYING(255) NOT NULL PRIMARY KEY,
    template_id    CHARACTER VARYING(255) NOT NULL,
    gap_values     CHARACTER LARGE OBJECT NOT NULL,
    attachments    BINARY LARGE OBJECT,
    requested_pdf  BINARY LARGE OBJECT,
    requested_pages INTEGER,
    signed_pdf     BINARY LARGE OBJECT,
    sent           BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at     BIGINT NOT NULL,
    CONSTRAINT notice_drafts_pages CHECK ((requested_pdf IS NULL) = (requested_pages IS NULL)),
    CONSTRAINT notice_drafts_signed_after_request CHECK (signed_pdf IS NULL OR requested_pdf IS NOT NULL)
);
