package de.amtsdesk.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the harness itself: real Synapse + two real matrix-js-sdk citizens with Rust crypto exchange an
 * encrypted text and an encrypted file. If this fails, agency-side end-to-end tests cannot be trusted.
 * No assumptions/skips: missing Synapse or node must turn this red.
 */
@ExtendWith(SynapseExtension.class)
class CitizenToCitizenEncryptionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void encryptedTextAndFileArriveDecrypted(SynapseServer server) throws Exception {
        RegisteredUser alice = SynapseExtension.registerUser("alice");
        RegisteredUser bob = SynapseExtension.registerUser("bob");

        try (CitizenClient a = CitizenClient.start("alice"); CitizenClient b = CitizenClient.start("bob")) {
            long t0 = System.nanoTime();
            a.login(server, alice);
            System.out.printf("citizen login (incl. key upload) took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            b.login(server, bob);
            assertThat(a.deviceId()).isNotBlank().isNotEqualTo(alice.deviceId());

            String roomId = a.createEncryptedRoom(List.of(bob.userId()), "Antrag 4711", true);
            b.awaitInvite(roomId, WAIT);
            b.joinRoom(roomId);

            String text = "Guten Tag, anbei mein Antrag – Grüße, Straße 5, 100 €";
            String textEventId = a.sendText(roomId, text);

            byte[] pdf = new byte[12_345];
            new Random(4711).nextBytes(pdf);
            Path file = Files.write(tmp.resolve("antrag.pdf"), pdf);
            String fileEventId = a.sendFile(roomId, file, "application/pdf", "antrag.pdf");

            CitizenEvent message = b.awaitEvent("the decrypted text", e -> e.eventId().equals(textEventId) && e.isDecrypted(), WAIT);
            assertThat(message.eventType()).isEqualTo("m.room.message");
            assertThat(message.sender()).isEqualTo(alice.userId());
            assertThat(message.roomId()).isEqualTo(roomId);
            assertThat(message.msgtype()).isEqualTo("m.text");
            assertThat(message.body()).isEqualTo(text);

            CitizenEvent fileMessage = b.awaitEvent("the decrypted file message", e -> e.eventId().equals(fileEventId) && e.isDecrypted(), WAIT);
            assertThat(fileMessage.msgtype()).isEqualTo("m.file");
            assertThat(fileMessage.body()).isEqualTo("antrag.pdf");
            assertThat(fileMessage.content().path("file").path("url").asText()).startsWith("mxc://");
            assertThat(fileMessage.content().has("url")).as("no plaintext url next to the EncryptedFile").isFalse();

            Path downloaded = tmp.resolve("bob").resolve("antrag.pdf");
            String sha256 = b.downloadFile(roomId, fileEventId, downloaded);
            assertThat(sha256).isEqualTo(sha256Hex(pdf));
            assertThat(Files.readAllBytes(downloaded)).isEqualTo(pdf);

            // Alice's own timeline also shows both, decrypted (her Rust crypto keeps the outbound session).
            a.awaitEvent("alice's own text", e -> e.eventId().equals(textEventId) && text.equals(e.body()), WAIT);
        }
    }

    @Test
    void pollAnsweredInTheNamespaceOfItsStart(SynapseServer server) {
        RegisteredUser alice = SynapseExtension.registerUser("poll-alice");
        RegisteredUser bob = SynapseExtension.registerUser("poll-bob");

        try (CitizenClient a = CitizenClient.start("poll-alice"); CitizenClient b = CitizenClient.start("poll-bob")) {
            a.login(server, alice);
            b.login(server, bob);
            String roomId = a.createEncryptedRoom(List.of(bob.userId()), null, false);
            b.awaitInvite(roomId, WAIT);
            b.joinRoom(roomId);

            for (boolean stable : List.of(false, true)) {
                CitizenClient.SentPoll poll = a.sendPoll(roomId, "Termin passt?", List.of("Ja", "Nein"), stable);
                String startType = stable ? "m.poll.start" : "org.matrix.msc3381.poll.start";
                String responseType = stable ? "m.poll.response" : "org.matrix.msc3381.poll.response";

                b.awaitEvent("the poll start", e -> e.eventId().equals(poll.eventId()) && e.eventType().equals(startType), WAIT);
                String responseId = b.answerPoll(roomId, poll.eventId(), List.of(poll.answerIds().get(1)));

                CitizenEvent response = a.awaitEvent("bob's poll response", e -> e.eventId().equals(responseId) && e.isDecrypted(), WAIT);
                assertThat(response.eventType()).isEqualTo(responseType);
                assertThat(response.content().path("m.relates_to").path("event_id").asText()).isEqualTo(poll.eventId());
                assertThat(response.content().path(responseType).path("answers").get(0).asText()).isEqualTo("answer-2");
            }
        }
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
