package de.amtsdesk.core.engine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a {@code GET /room_keys/keys} answer as it arrives and hands it to the crypto machine in batches of
 * {@link KeyBackup#RESTORE_BATCH} keys (a batch read is imported even if the answer breaks off later) ({@code {"rooms":{room:{"sessions":{id:data}}}}}, as the spec defines it).
 * Fields the spec does not name are skipped. One instance per restore.
 *
 * <p>Each session's data is copied token by token into the batch's UTF-8 JSON (one reused buffer, handed to the
 * native side as bytes), not built as a tree of small objects or a string per batch, and session IDs are not
 * canonicalised: each of these was garbage that made the collector stop the window during a restore of 100,000 keys
 * (issue 11: no FX pulse > 16 ms; BackupRestoreBench).
 */
final class BackupImport {

    /**
     * Without field-name canonicalisation: every session ID is a field name seen once, so a symbol table (and
     * interning) would only keep 100,000 strings alive for the rest of the restore.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();

    private final OlmMachineHandle machine;
    private final String backupKey;
    private final String version;
    private final long total;
    private final KeyRestoreProgress progress;
    private final int batchSize;
    /** The current batch's UTF-8 JSON, reused from batch to batch. */
    private final BatchBuffer batchText = new BatchBuffer();
    private JsonGenerator batch;
    /** The room whose {@code sessions} object is open in the current batch, or null. */
    private String openRoom;
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
            openRoomInBatch(roomId);
            batch.writeFieldName(sessionId);
            batch.copyCurrentStructure(parser);
            if (++inBatch >= batchSize) {
                flush();
            }
        }
    }

    /** Opens {@code {"rooms":{roomId:{"sessions":{} in the batch, closing the room before it if need be. */
    private void openRoomInBatch(String roomId) throws IOException {
        if (batch == null) {
            batchText.reset();
            batch = JSON.createGenerator(batchText, JsonEncoding.UTF8);
            batch.writeStartObject();
            batch.writeObjectFieldStart("rooms");
        }
        if (roomId.equals(openRoom)) {
            return;
        }
        closeOpenRoom();
        batch.writeObjectFieldStart(roomId);
        batch.writeObjectFieldStart("sessions");
        openRoom = roomId;
    }

    private void closeOpenRoom() throws IOException {
        if (openRoom != null) {
            batch.writeEndObject(); // sessions
            batch.writeEndObject(); // the room
            openRoom = null;
        }
    }

    private void flush() throws IOException {
        if (inBatch == 0) {
            return;
        }
        closeOpenRoom();
        batch.writeEndObject(); // rooms
        batch.writeEndObject();
        batch.close();
        batch = null;
        imported += batchText.restoreInto(machine, backupKey, version);
        read += inBatch;
        inBatch = 0;
        progress.update(read, Math.max(total, read));
    }

    private static void expect(JsonToken actual, JsonToken wanted) throws MatrixException {
        if (actual != wanted) {
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "key backup answer has " + actual
                    + " where " + wanted + " belongs", "room_keys");
        }
    }

    /** A byte buffer whose contents go to the native side without a copy on the Java heap. */
    private static final class BatchBuffer extends ByteArrayOutputStream {

        BatchBuffer() {
            super(1 << 21);
        }

        int restoreInto(OlmMachineHandle machine, String backupKey, String version) {
            return machine.restoreFromBackup(backupKey, version, buf, count);
        }
    }
}
