-- Amtsdesk local store, schema 4: each message's trust as decided on arrival (ADR 0007). The column existed since
-- schema 1 but was always NULL; it now holds the name of a de.amtsdesk.core.conversation.MessageTrust:
--   decrypted events: the crypto layer's verdict on the sending device (VERIFIED, UNVERIFIED_IDENTITY,
--     INSECURE_SOURCE, UNSIGNED_DEVICE, UNKNOWN_DEVICE, VERIFICATION_VIOLATION) or OWN_DEVICE (this workstation);
--   plaintext events: UNENCRYPTED when a message arrived in the clear in an encrypted room.
-- NULL means nothing to record (plaintext in an unencrypted room, undecryptable) or, for a decrypted event stored
-- before this schema, "not recorded" (shown as unknown). Rows stay as they are; nothing is guessed afterwards.
ALTER TABLE events ADD CONSTRAINT events_verification_state_known CHECK (verification_state IS NULL
    OR verification_state IN ('VERIFIED', 'UNVERIFIED_IDENTITY', 'INSECURE_SOURCE', 'UNSIGNED_DEVICE',
        'UNKNOWN_DEVICE', 'VERIFICATION_VIOLATION', 'OWN_DEVICE', 'UNENCRYPTED'));
