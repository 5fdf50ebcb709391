package de.amtsdesk.core.store;

import java.util.Optional;

/**
 * Where the fold of the unit's staff log stands (schema 3, table {@code case_fold_state}): the snapshot of the case
 * book and the stream positions it covers, saved in one row so that they always belong together.
 */
public final class CaseFoldStateRepository {

    /**
     * @param snapshotFormat   1: the snapshot is {@code snapshotJson}; 2 (schema 9 on): it is {@code snapshotData}
     * @param lastStaffEventId the last staff-room event the snapshot contains (for logs and checks)
     * @param staffCursor      stream_order of the last staff-room event consumed, in this store
     * @param citizenSource    user ID of the functional account whose store {@code citizenCursor} points into
     * @param citizenCursor    stream_order of the last citizen-room event consumed, in that store
     */
    public record FoldState(String staffRoomId, int snapshotFormat, String snapshotJson, byte[] snapshotData,
            String lastStaffEventId, long staffCursor, String citizenSource, long citizenCursor) {

        public FoldState {
            if ((snapshotJson == null) == (snapshotData == null)) {
                throw new IllegalArgumentException("a fold state holds its snapshot as JSON or as bytes");
            }
            snapshotData = snapshotData == null ? null : snapshotData.clone();
        }

        @Override
        public byte[] snapshotData() {
            return snapshotData == null ? null : snapshotData.clone();
        }

        @Override
        public String toString() {
            return "FoldState[" + staffRoomId + ", staff #" + staffCursor + ", citizen " + citizenSource + " #"
                    + citizenCursor + ", " + (snapshotJson != null ? snapshotJson.length() + " chars"
                    : snapshotData.length + " bytes") + "]";
        }
    }

    private final Jdbc jdbc;

    private CaseFoldStateRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public static CaseFoldStateRepository of(AppDatabase db) {
        return new CaseFoldStateRepository(db.jdbc());
    }

    public Optional<FoldState> load() {
        return jdbc.run("load fold state", c -> Jdbc.first(c, row -> new FoldState(row.getString("staff_room_id"),
                row.getInt("snapshot_format"), row.getString("snapshot_json"), row.getBytes("snapshot_data"),
                row.getString("last_staff_event_id"),
                row.getLong("staff_cursor"), row.getString("citizen_source"), row.getLong("citizen_cursor")),
                "SELECT * FROM case_fold_state WHERE id = 1"));
    }

    public void save(FoldState state) {
        jdbc.inTransaction("save fold state", c -> Jdbc.update(c, """
                MERGE INTO case_fold_state (id, staff_room_id, snapshot_format, snapshot_json, snapshot_data,
                    last_staff_event_id, staff_cursor, citizen_source, citizen_cursor, updated_at)
                KEY (id) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                state.staffRoomId(), state.snapshotFormat(), state.snapshotJson(), state.snapshotData,
                state.lastStaffEventId(),
                state.staffCursor(), state.citizenSource(), state.citizenCursor(), jdbc.now()));
    }
}
