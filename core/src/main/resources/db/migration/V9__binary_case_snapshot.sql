-- Amtsdesk local store, schema 9: the case book's snapshot as compact binary (SnapshotCodec.BINARY_FORMAT = 2,
-- de.amtsdesk.core.staff.SnapshotBinary). The JSON of format 1 took 1-2 s to read back for 10,000 cases; the binary
-- form is about a tenth of the bytes. A row written before stays format 1 in snapshot_json and is still read; the
-- next checkpoint replaces it with format 2. Exactly one of the two columns holds the snapshot.
ALTER TABLE case_fold_state ADD COLUMN snapshot_data BINARY LARGE OBJECT;
ALTER TABLE case_fold_state ALTER COLUMN snapshot_json SET NULL;
ALTER TABLE case_fold_state ADD CONSTRAINT case_fold_state_one_snapshot
    CHECK ((snapshot_json IS NULL) <> (snapshot_data IS NULL));
