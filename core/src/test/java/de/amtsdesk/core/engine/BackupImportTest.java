package de.amtsdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.crypto.BackupCreation;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streamed, batched restore of a key backup, against real crypto machines (no server needed). */
class BackupImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENCY = "@wohngeld:amt.example";

    @Test
    void aBackupIsImportedInBatchesWithProgressAndEveryRoomDecryptsAfterwards() throws Exception {
        try (OlmMachineHandle first = OlmMachineHandle.createInMemory(AGENCY, "FIRST");
                OlmMachineHandle second = OlmMachineHandle.createInMemory(AGENCY, "SECOND")) {
            String recoveryKey = backUp(first);
            Map<String, String> encrypted = encryptInFiveRooms(first);
            ObjectNode answer = (ObjectNode) JSON.readTree(first.backupRoomKeys().orElseThrow().bodyJson());
            // Fields the spec does not name (and a room's own extra fields) are skipped, not refused.
            answer.put("etag", "5");
            ObjectNode firstRoom = (ObjectNode) answer.path("rooms").path("!raum0:amt.example");
            firstRoom.putObject("future").put("x", 1);
            // The first room gets two more sessions (copies of other rooms' keys filed under it), so its three
            // sessions straddle the first two batches of two.
            ObjectNode firstRoomSessions = (ObjectNode) firstRoom.path("sessions");
            for (String other : List.of("!raum1:amt.example", "!raum2:amt.example")) {
                answer.path("rooms").path(other).path("sessions").properties()
                        .forEach(session -> firstRoomSessions.set(session.getKey(), session.getValue()));
            }
            assertThat(firstRoomSessions.size()).isEqualTo(3);
            List<long[]> heard = new ArrayList<>();

            BackupImport restore = new BackupImport(second, recoveryKey, "1", 7,
                    (read, total) -> heard.add(new long[] {read, total}), 2);
            int imported = restore.readAll(stream(answer.toString()));

            assertThat(imported).isEqualTo(7);
            assertThat(heard).extracting(p -> p[0] + "/" + p[1]).containsExactly("2/7", "4/7", "6/7", "7/7");
            assertThat(second.roomKeyCounts().total()).as("all seven keys are in the store").isEqualTo(7);
            for (var room : encrypted.entrySet()) {
                String clear = second.decryptRoomEvent(room.getKey(), event(room.getKey(), room.getValue()))
                        .clearEventJson();
                assertThat(JSON.readTree(clear).path("content").path("body").asText())
                        .isEqualTo("Antrag in " + room.getKey());
            }
        }
    }

    @Test
    void anAnswerThatBreaksOffKeepsTheBatchesReadBeforeAndSaysSo() throws Exception {
        try (OlmMachineHandle first = OlmMachineHandle.createInMemory(AGENCY, "FIRST");
                OlmMachineHandle second = OlmMachineHandle.createInMemory(AGENCY, "SECOND")) {
            String recoveryKey = backUp(first);
            Map<String, String> encrypted = encryptInFiveRooms(first);
            String whole = first.backupRoomKeys().orElseThrow().bodyJson();
            String cut = whole.substring(0, whole.length() - 40);
            List<Long> heard = new ArrayList<>();

            BackupImport restore = new BackupImport(second, recoveryKey, "1", 5,
                    (read, total) -> heard.add(read), 2);

            assertThatThrownBy(() -> restore.readAll(stream(cut))).isInstanceOf(IOException.class);
            assertThat(heard).containsExactly(2L, 4L);
            long readable = encrypted.entrySet().stream().filter(room -> {
                try {
                    second.decryptRoomEvent(room.getKey(), event(room.getKey(), room.getValue()));
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            }).count();
            assertThat(readable).isEqualTo(4);
        }
    }

    @Test
    void anAnswerOfTheWrongShapeIsAMalformedResponse() throws Exception {
        try (OlmMachineHandle machine = OlmMachineHandle.createInMemory(AGENCY, "SECOND")) {
            String key = machine.createBackup().recoveryKey();
            for (String body : List.of("[]", "{\"rooms\":[]}", "{\"rooms\":{\"!r:x\":[1]}}")) {
                BackupImport restore = new BackupImport(machine, key, "1", 0, KeyRestoreProgress.NONE, 2);
                assertThatThrownBy(() -> restore.readAll(stream(body)))
                        .isInstanceOf(MatrixException.class)
                        .extracting(e -> ((MatrixException) e).failure()).isEqualTo(MatrixFailure.MALFORMED_RESPONSE);
            }
        }
    }

    /** Backs {@code machine} up to version 1; returns the recovery key. */
    private static String backUp(OlmMachineHandle machine) {
        BackupCreation backup = machine.createBackup();
        machine.enableBackup("1", backup.recoveryKey());
        return backup.recoveryKey();
    }

    /** One room key per room: the encrypted event's content per room. */
    private static Map<String, String> encryptInFiveRooms(OlmMachineHandle machine) {
        Map<String, String> encrypted = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            String room = "!raum" + i + ":amt.example";
            machine.shareRoomKey(room, List.of(AGENCY));
            encrypted.put(room, machine.encryptRoomEvent(room, "m.room.message",
                    "{\"msgtype\":\"m.text\",\"body\":\"Antrag in " + room + "\"}"));
        }
        return encrypted;
    }

    private static String event(String room, String content) {
        return "{\"type\":\"m.room.encrypted\",\"content\":" + content + ",\"sender\":\"" + AGENCY
                + "\",\"event_id\":\"$e" + Math.abs(room.hashCode()) + "\",\"origin_server_ts\":1750000000000,"
                + "\"room_id\":\"" + room + "\"}";
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
