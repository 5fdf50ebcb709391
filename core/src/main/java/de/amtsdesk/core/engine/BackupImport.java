package de.amtsdesk.core.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a {@code GET /room_keys/keys} answer as it arrives and hands it to the crypto machine in batches of
 * {@link KeyBackup#RESTORE_BATCH} keys (a batch read is imported even if the answer breaks off later) ({@code {"rooms":{room:{"sessions":{id:data}}}}}, as the spec defines it).
 * Fields the spec does not name are skipped. One instance per restore.
 */
final class BackupImport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OlmMachineHandle machine;
    private final String backupKey;
    private final String version;
    private final long total;
    private final KeyRestoreProgress progress;
    private final int batchSize;
    private ObjectNode batch = JSON.createObjectNode();
    private int inBatch;
    private long read;
    private int imported;

    BackupImport(OlmMachineHandle machine, String backupKey, String version, long total,
            KeyRestoreProgress progress) {
        this(machine, backupKey, version, total, progress, KeyBackup.RESTORE_BATCH);
    }

    BackupImport(OlmMachineHandle machine, String backupKey, String version, long total,
            KeyRestoreProgress progress, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        this.batchSize = batchSize;
        this.machine = machine;
        this.backupKey = backupKey;
        this.version = version;
        this.total = total;
        this.progress = progress;
    }

    /** Reads the whole answer; returns how many keys were new to this machine. */
    int readAll(InputStream body) throws IOException, MatrixException {
        try (JsonParser parser = JSON.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("rooms".equals(field)) {
                    expect(value, JsonToken.START_OBJECT);
                    readRooms(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
        flush();
        return imported;
    }

    long read() {
        return read;
    }

    private void readRooms(JsonParser parser) throws IOException, MatrixException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String roomId = parser.currentName();
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("sessions".equals(field)) {
                    expect(value, JsonToken.START_OBJECT);
                    readSessions(parser, roomId);
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private void readSessions(JsonParser parser, String roomId) throws IOException, MatrixException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String sessionId = parser.currentName();
            parser.nextToken();
            JsonNode data = JSON.readTree(parser);
            ObjectNode rooms = batch.has("rooms") ? (ObjectNode) batch.get("rooms") : batch.putObject("rooms");
            ObjectNode room = rooms.has(roomId) ? (ObjectNode) rooms.get(roomId) : rooms.putObject(roomId);
            ObjectNode sessions = room.has("sessions") ? (ObjectNode) room.get("sessions") : room.putObject("sessions");
            sessions.set(sessionId, data);
            if (++inBatch >= batchSize) {
                flush();
            }
        }
    }

    private void flush() {
        if (inBatch == 0) {
            return;
        }
        imported += machine.restoreFromBackup(backupKey, version, batch.toString());
        read += inBatch;
        batch = JSON.createObjectNode();
        inBatch = 0;
        progress.update(read, Math.max(total, read));
    }

    private static void expect(JsonToken actual, JsonToken wanted) throws MatrixException {
        if (actual != wanted) {
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "key backup answer has " + actual
                    + " where " + wanted + " belongs", "room_keys");
        }
    }
}
