package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.CitizenEvent;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 3 end to end: a real citizen (matrix-js-sdk, Rust crypto) and the agency's headless workstation (our core,
 * encrypted store and crypto-native) as separate processes against a real Synapse. Every check is on the real
 * outcome: decrypted text, SHA-256 of files, the poll tally, bytes on disk.
 */
@ExtendWith(SynapseExtension.class)
class EncryptedConversationsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private record Setup(RegisteredUser agency, CitizenClient citizen, String roomId, Path root) { }

    private static Setup citizenOpensRoom(SynapseServer synapse, String test) throws IOException {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser citizenAccount = SynapseExtension.registerUser("buergerin");
        CitizenClient citizen = CitizenClient.start(test + "-citizen");
        citizen.login(synapse, citizenAccount);
        String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
        return new Setup(agency, citizen, roomId, AgencyProcess.newRoot(test));
    }

    private static AgencyProcess workstation(Setup setup, String name) throws IOException {
        return new AgencyProcess(setup.root(), name, "passphrase-" + name + "-0815", setup.agency().password());
    }

    private static String texts(JsonNode timeline) {
        List<String> bodies = new ArrayList<>();
        timeline.path("entries").forEach(e -> bodies.add(e.path("kind").asText() + ":" + e.path("body").asText()));
        return String.join("\n", bodies);
    }

    @Test
    void textAndFilesBothWaysAndNothingReadableAtRest(SynapseServer synapse) throws Exception {
        Setup setup = citizenOpensRoom(synapse, "both-ways");
        try (CitizenClient citizen = setup.citizen()) {
            AgencyProcess agency = workstation(setup, "ws1");
            String token = agency.run("login", "--homeserver", synapse.baseUrl(), "--user",
                    setup.agency().localpart()).path("accessToken").asText();

            String question = "Guten Tag, mein Antrag auf Wohngeld 4711-ÄÖÜ: wann kommt der Bescheid?";
            citizen.sendText(setup.roomId(), question);
            agency.run("sync", "--room", setup.roomId(), "--until-text", question);

            String reply = "Ihr Antrag 4711 ist eingegangen und wird bis Freitag beschieden.";
            agency.run("send-text", "--room", setup.roomId(), "--text", reply);
            CitizenEvent received = citizen.awaitEvent("the agency's reply", e -> reply.equals(e.body()), WAIT);
            assertThat(received.isDecrypted()).isTrue();
            assertThat(received.encrypted()).isTrue();

            // Citizen → agency: a PDF, checked by SHA-256 after the agency decrypted it.
            byte[] pdf = samplePdf();
            Path pdfFile = Files.write(setup.root().resolve("antrag.pdf"), pdf);
            String pdfEvent = citizen.sendFile(setup.roomId(), pdfFile, "application/pdf", "antrag.pdf");
            Path saved = setup.root().resolve("saved-by-agency.pdf");
            JsonNode save = agency.run("save-file", "--room", setup.roomId(), "--event", pdfEvent, "--target",
                    saved.toString());
            assertThat(save.path("sha256").asText()).isEqualTo(sha256(pdf));
            assertThat(Files.readAllBytes(saved)).isEqualTo(pdf);

            // Agency → citizen: a PNG.
            byte[] png = samplePng();
            Path pngFile = Files.write(setup.root().resolve("bescheid.png"), png);
            agency.run("send-file", "--room", setup.roomId(), "--path", pngFile.toString());
            CitizenEvent image = citizen.awaitEvent("the agency's image", e -> "m.image".equals(e.msgtype()), WAIT);
            String citizenSha = citizen.downloadFile(setup.roomId(), image.eventId(),
                    setup.root().resolve("citizen-got.png"));
            assertThat(citizenSha).isEqualTo(sha256(png));
            // The sent file's ciphertext is on the server now: the outbox keeps no copy.
            try (Stream<Path> left = Files.list(agency.dataDir().resolve("outbox-media"))) {
                assertThat(left.toList()).as("outbox media left after sending").isEmpty();
            }

            // At rest: the agency's data folder, logs and temp files hold none of it in clear.
            List<byte[]> secrets = List.of(question.getBytes(StandardCharsets.UTF_8),
                    reply.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8),
                    slice(pdf), slice(png), "4711-ÄÖÜ".getBytes(StandardCharsets.UTF_8));
            Path logFile = agency.tempDir().resolve("logs").resolve("amtsdesk.log");
            assertThat(logFile).as("the workstation wrote its log where the scan looks").exists();
            assertThat(Files.size(logFile)).isPositive();
            for (Path dir : List.of(agency.dataDir(), agency.tempDir())) {
                assertNoneFoundIn(dir, secrets);
            }
            assertNoneFoundIn(agency.logFile(), secrets);
        }
    }

    @Test
    void agencyPollIsAnsweredAndTallied(SynapseServer synapse) throws Exception {
        Setup setup = citizenOpensRoom(synapse, "poll");
        try (CitizenClient citizen = setup.citizen()) {
            AgencyProcess agency = workstation(setup, "ws1");
            agency.run("login", "--homeserver", synapse.baseUrl(), "--user", setup.agency().localpart());
            JsonNode poll = agency.run("send-poll", "--room", setup.roomId(), "--question",
                    "Passt Ihnen der Termin am Dienstag?", "--answers", "Ja|Nein|Anderer Termin");
            String pollId = poll.path("eventId").asText();
            CitizenEvent start = citizen.awaitEvent("the poll", e -> e.eventId().equals(pollId), WAIT);
            assertThat(start.eventType()).isEqualTo("org.matrix.msc3381.poll.start");
            citizen.answerPoll(setup.roomId(), pollId, List.of("answer-3"));

            JsonNode result = agency.run("poll-result", "--room", setup.roomId(), "--event", pollId,
                    "--until-voters", "1");
            assertThat(result.path("voters").asInt()).isEqualTo(1);
            assertThat(result.path("counts").path("answer-3").asInt()).isEqualTo(1);
            assertThat(result.path("counts").path("answer-1").asInt()).isZero();
        }
    }

    @Test
    void restartedWorkstationShowsHistoryFromItsStoreAndKeepsDecrypting(SynapseServer synapse) throws Exception {
        Setup setup = citizenOpensRoom(synapse, "restart");
        try (CitizenClient citizen = setup.citizen()) {
            AgencyProcess agency = workstation(setup, "ws1");
            String device = agency.run("login", "--homeserver", synapse.baseUrl(), "--user",
                    setup.agency().localpart()).path("deviceId").asText();
            citizen.sendText(setup.roomId(), "Erste Nachricht vor dem Neustart");
            agency.run("sync", "--room", setup.roomId(), "--until-text", "Erste Nachricht vor dem Neustart");

            JsonNode offline = agency.run("timeline", "--room", setup.roomId(), "--offline", "yes");
            assertThat(offline.path("deviceId").asText()).isEqualTo(device);
            assertThat(texts(offline)).contains("TEXT:Erste Nachricht vor dem Neustart");

            citizen.sendText(setup.roomId(), "Zweite Nachricht nach dem Neustart");
            JsonNode after = agency.run("sync", "--room", setup.roomId(), "--until-text",
                    "Zweite Nachricht nach dem Neustart");
            assertThat(after.path("deviceId").asText()).isEqualTo(device);
        }
    }

    @Test
    void secondWorkstationReadsOlderMessagesThroughKeyBackup(SynapseServer synapse) throws Exception {
        Setup setup = citizenOpensRoom(synapse, "backup");
        try (CitizenClient citizen = setup.citizen()) {
            AgencyProcess first = workstation(setup, "ws1");
            first.run("login", "--homeserver", synapse.baseUrl(), "--user", setup.agency().localpart());
            String recoveryKey = first.run("backup-setup").path("recoveryKey").asText();
            citizen.sendText(setup.roomId(), "Geschrieben, bevor es Arbeitsplatz 2 gab");
            first.run("sync", "--room", setup.roomId(), "--until-text", "Geschrieben, bevor es Arbeitsplatz 2 gab");
            first.run("drain");

            AgencyProcess second = workstation(setup, "ws2");
            String secondDevice = second.run("login", "--homeserver", synapse.baseUrl(), "--user",
                    setup.agency().localpart()).path("deviceId").asText();
            JsonNode before = second.run("timeline", "--room", setup.roomId(), "--offline", "yes");
            assertThat(texts(before)).doesNotContain("Geschrieben, bevor es Arbeitsplatz 2 gab");

            JsonNode restored = second.run(java.util.Map.of("AGENCY_RECOVERY_KEY", recoveryKey), "backup-restore");
            assertThat(restored.path("imported").asInt()).isPositive();
            JsonNode after = second.run("timeline", "--room", setup.roomId(), "--offline", "yes");
            assertThat(after.path("deviceId").asText()).isEqualTo(secondDevice);
            assertThat(texts(after)).contains("TEXT:Geschrieben, bevor es Arbeitsplatz 2 gab");
        }
    }

    @Test
    void outboxSurvivesOutageAndKillAndDeliversExactlyOnceInOrder(SynapseServer synapse) throws Exception {
        Setup setup = citizenOpensRoom(synapse, "outbox");
        try (CitizenClient citizen = setup.citizen()) {
            AgencyProcess agency = workstation(setup, "ws1");
            agency.run("login", "--homeserver", synapse.baseUrl(), "--user", setup.agency().localpart());
            citizen.sendText(setup.roomId(), "Bitte melden Sie sich");
            agency.run("sync", "--room", setup.roomId(), "--until-text", "Bitte melden Sie sich");

            synapse.stop();
            Process hanging;
            try {
                hanging = agency.startAndAwaitFirstLine("send-text", "--room", setup.roomId(), "--text",
                        "Nachricht", "--count", "20", "--then-hang", "yes");
                Thread.sleep(1500);
                hanging.destroyForcibly().waitFor();
            } finally {
                synapse.restart();
            }
            agency.run("drain", "--timeout", "120");

            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                expected.add("Nachricht " + i);
            }
            citizen.awaitEvent("the 20th message", e -> "Nachricht 20".equals(e.body()), WAIT);
            Thread.sleep(3000);  // a late duplicate would arrive within this time
            // Server order and exactly-once from the citizen's own timeline (each event once, by ID).
            com.fasterxml.jackson.databind.node.ObjectNode args = new com.fasterxml.jackson.databind.ObjectMapper()
                    .createObjectNode().put("roomId", setup.roomId());
            List<String> received = new ArrayList<>();
            citizen.call("timeline", args).path("events").forEach(e -> {
                String body = e.path("body").asText("");
                if (body.startsWith("Nachricht ")) {
                    received.add(body);
                }
            });
            assertThat(received).containsExactlyElementsOf(expected);
        }
    }

    // ---- helpers ----

    private static void assertNoneFoundIn(Path root, List<byte[]> secrets) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] secret : secrets) {
                    assertThat(indexOf(content, secret)).as("%s contains a secret of %d bytes", file, secret.length)
                            .isEqualTo(-1);
                }
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A distinctive 64-byte run from the middle of the file: found on disk only if the plaintext is there. */
    private static byte[] slice(byte[] content) {
        int from = content.length / 2;
        return java.util.Arrays.copyOfRange(content, from, Math.min(content.length, from + 64));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] samplePdf() {
        Random random = new Random(4711);
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Antrag ");
        for (int i = 0; i < 2000; i++) {
            pdf.append((char) ('a' + random.nextInt(26)));
        }
        return pdf.append("\n%%EOF\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] samplePng() {
        byte[] png = new byte[6000];
        new Random(815).nextBytes(png);
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(header, 0, png, 0, header.length);
        return png;
    }
}
