package de.amtsdesk.e2e.staff;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.Moment;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.EngineStore;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.matrix.SyncListener;
import de.amtsdesk.core.staff.CaseworkerReplies;
import de.amtsdesk.core.staff.CitizenRooms;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.core.staff.StaffRoomSetup;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.CitizenEvent;
import de.amtsdesk.e2e.harness.HarnessPaths;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseDatabaseScan;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account model against a real Synapse and a matrix-js-sdk citizen: anna's workstation holds the
 * functional account (the device citizens write to) and anna's personal staff account in one data directory behind
 * one passphrase ({@link Workstation#staffProfile()}); the team lead works on a workstation of their own.
 */
@ExtendWith(SynapseExtension.class)
class OnePassphraseTwoSessionsTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final UnitConfig CONFIG = UnitConfig.defaults("WG");
    private static final SyncListener QUIET = rooms -> { };

    /** Anna's desk (functional + staff profile in one directory), the lead, a citizen with a case. */
    private static final class Desk implements AutoCloseable {
        final Path root;
        final Path annaDir;
        final char[] passphrase = "Annas eine Passphrase 4711".toCharArray();
        final RegisteredUser amtUser = SynapseExtension.registerUser("amt");
        final RegisteredUser annaUser = SynapseExtension.registerUser("anna");
        final RegisteredUser leadUser = SynapseExtension.registerUser("lena-lead");
        final RegisteredUser citizenUser = SynapseExtension.registerUser("erika");
        final SynapseServer synapse;
        final Workstation leadWs;
        final StaffClient lead;
        final String staffRoom;
        Workstation annaWs;
        AgencyEngine amt;
        StaffClient anna;
        CitizenClient citizen;
        String citizenRoom;
        String caseId;

        Desk(SynapseServer synapse, String name) throws Exception {
            this.synapse = synapse;
            root = Files.createDirectories(HarnessPaths.srcTestDir().resolve("target").resolve("staff-e2e")
                    .resolve(name + "-" + System.nanoTime()));
            annaDir = root.resolve("anna-desk");
            HomeserverUrl hs = HomeserverUrl.parse(synapse.baseUrl());

            // One data directory, one passphrase: the functional account and anna's staff account.
            annaWs = Workstation.create(annaDir, passphrase);
            Session amtSession = annaWs.login(hs, amtUser.localpart(), amtUser.password());
            amt = annaWs.engine(amtSession, QUIET, true);
            amt.syncOnce(Duration.ZERO);
            Workstation annaStaff = annaWs.staffProfile();
            Session annaSession = annaStaff.login(hs, annaUser.localpart(), annaUser.password());
            annaStaff.engine(annaSession, QUIET, false).syncOnce(Duration.ZERO);

            leadWs = Workstation.create(root.resolve("lead"), "die Passphrase der Leitung".toCharArray());
            Session leadSession = leadWs.login(hs, leadUser.localpart(), leadUser.password());
            AgencyEngine leadEngine = leadWs.engine(leadSession, QUIET, false);
            leadEngine.syncOnce(Duration.ZERO);
            staffRoom = StaffRoomSetup.create(leadEngine.client(), leadSession, "Wohngeldstelle " + name, List.of(),
                    List.of(annaUser.userId()), CONFIG.leadLevel());
            lead = StaffClient.open(leadWs, leadSession, staffRoom, CONFIG, null);
            openAnna();
            await("anna's invite", () -> anna.engine().directory().pendingInvites().contains(staffRoom));
            anna.joinStaffRoom();
            await("both joined the encrypted staff room", () -> anna.readyToSend() && lead.readyToSend()
                    && anna.book().staffRoom().members().size() == 2 && lead.book().staffRoom().members().size() == 2);

            citizen = CitizenClient.start(name + "-citizen");
            citizen.login(synapse, citizenUser);
            citizenRoom = citizen.createEncryptedRoom(List.of(amtUser.userId()), null, true);
            citizen.sendText(citizenRoom, "Guten Tag, ich möchte Wohngeld beantragen.");
            awaitReadable("Guten Tag, ich möchte Wohngeld beantragen.");
            caseId = StaffUnit.send(lead, OutgoingStaffEvents.created(citizenRoom, citizen.userId(), "Erika"));
            await("the case on both", () -> anna.book().find(caseId).isPresent() && lead.book().find(caseId).isPresent());
        }

        /** Anna's staff client on the staff profile, reading the functional account's citizen rooms. */
        void openAnna() throws Exception {
            Workstation staff = annaWs.staffProfile();
            anna = StaffClient.open(staff, staff.storedSession().orElseThrow(), staffRoom, CONFIG,
                    CitizenRooms.of(annaWs.database(), amtUser.userId()));
            anna.followCitizenRooms(amt);
        }

        void await(String what, BooleanSupplier condition) throws MatrixException {
            Instant deadline = Instant.now().plus(WAIT);
            while (true) {
                amt.syncOnce(Duration.ZERO);
                anna.syncOnce(Duration.ofMillis(200));
                lead.syncOnce(Duration.ofMillis(200));
                if (condition.getAsBoolean()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("not reached: " + what + "; anna blocked=" + anna.fold().blocked()
                            + ", lead blocked=" + lead.fold().blocked());
                }
            }
        }

        void awaitReadable(String body) throws MatrixException {
            await("the functional account reads \"" + body + "\"", () -> readable(body));
        }

        boolean readable(String body) {
            return amt.storedEvents(citizenRoom).stream().anyMatch(e -> e.type().equals("m.room.message")
                    && e.decryption() != EngineStore.Decryption.UNABLE_TO_DECRYPT
                    && e.contentJson() != null && e.contentJson().contains(body));
        }

        @Override
        public void close() {
            if (citizen != null) {
                citizen.close();
            }
            for (AutoCloseable c : new AutoCloseable[] {annaWs, lead, leadWs}) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (Exception e) {
                    System.err.println("closing: " + e);
                }
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + root + ": " + e);
            }
        }
    }

    @Test
    void bothSessionsResumeAfterLockAndUnlockWithTheOnePassphrase(SynapseServer synapse) throws Exception {
        try (Desk desk = new Desk(synapse, "one-passphrase")) {
            desk.annaWs.database().drafts().save(desk.caseId, "Sehr geehrte Frau Mustermann, ...");
            StaffClient annaBefore = desk.anna;
            AgencyEngine amtBefore = desk.amt;
            Path staffDir = desk.annaWs.staffProfile().dataDir();
            assertThat(staffDir).isEqualTo(desk.annaDir.toAbsolutePath().normalize().resolve("profiles/staff"));
            assertThat(staffDir.resolve("amtsdesk.mv.db")).isRegularFile();

            desk.annaWs.lock(); // Ctrl+L
            assertThat(desk.annaWs.isClosed()).isTrue();
            assertThat(desk.annaWs.runningEngine()).isEmpty();

            // While anna's desk is locked, the citizen writes again.
            String second = "Ich habe noch eine Frage zur Miete " + System.nanoTime();
            desk.citizen.sendText(desk.citizenRoom, second);

            desk.annaWs = Workstation.unlock(desk.annaDir, desk.passphrase);
            Workstation staff = desk.annaWs.staffProfile();
            assertThat(desk.annaWs.storedSession()).map(Session::userId).contains(desk.amtUser.userId());
            assertThat(staff.storedSession()).map(Session::userId).contains(desk.annaUser.userId());
            desk.amt = desk.annaWs.engine(desk.annaWs.storedSession().orElseThrow(), QUIET, true);
            desk.openAnna();
            assertThat(desk.amt).isNotSameAs(amtBefore);
            assertThat(desk.anna).isNotSameAs(annaBefore);
            // The staff fold resumes from its saved snapshot, before any network.
            assertThat(desk.anna.book().find(desk.caseId)).isPresent();
            assertThat(desk.annaWs.database().drafts().load(desk.caseId)).isPresent();

            // The functional account's device (same keys) decrypts the new message; anna's fold sees it as citizen
            // activity from the functional account's store; the staff session syncs again.
            desk.awaitReadable(second);
            desk.await("the citizen's second message in anna's fold", () -> desk.anna.book().find(desk.caseId)
                    .map(c -> c.timeline().moments().stream().filter(m -> m.kind() == Moment.Kind.CITIZEN_MESSAGE)
                            .count() >= 2).orElse(false));
            String note = "nach dem Entsperren " + System.nanoTime();
            StaffUnit.send(desk.anna, OutgoingStaffEvents.note(desk.caseId, note));
            desk.await("anna's note on the lead's client", () -> desk.lead.book().find(desk.caseId)
                    .map(c -> c.notes().stream().anyMatch(n -> n.text().equals(note))).orElse(false));
        }
    }

    @Test
    void aReplyGoesOutFromTheFunctionalAccountAndTheStaffLogNamesAnna(SynapseServer synapse) throws Exception {
        try (Desk desk = new Desk(synapse, "attribution")) {
            String text = "Vielen Dank, Ihr Antrag ist eingegangen. " + System.nanoTime();
            String txn = CaseworkerReplies.send(desk.anna, desk.amt, desk.caseId, text, Optional.empty());
            desk.amt.sendPendingNow();
            String replyEventId = desk.amt.outboxItem(txn).map(EngineStore.OutboxItem::eventId).orElseThrow();
            desk.anna.flush(); // the attribution, queued when the outbox named the event

            CitizenEvent received = desk.citizen.awaitEvent("the reply", e -> text.equals(e.body()), WAIT);
            assertThat(received.isDecrypted()).isTrue();
            assertThat(received.sender()).isEqualTo(desk.amtUser.userId());
            assertThat(received.eventId()).isEqualTo(replyEventId);

            desk.await("the attribution on the lead's client", () -> desk.lead.audit().all().stream()
                    .anyMatch(e -> e.action().equals(StaffEventTypes.REPLIED)));
            List<AuditEntry> entries = desk.lead.audit().all().stream()
                    .filter(e -> e.action().equals(StaffEventTypes.REPLIED)).toList();
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.APPLIED);
                assertThat(e.actor()).isEqualTo(desk.annaUser.userId());
                assertThat(e.caseId()).isEqualTo(desk.caseId);
                assertThat(e.changes()).contains(new FieldChange("reply.event", null, replyEventId),
                        new FieldChange("reply.kind", null, "text"),
                        new FieldChange("reply.sha256", null, OutgoingStaffEvents.sha256Hex(text)));
                assertThat(e.changes().toString()).doesNotContain(text);
            });
            // Exactly the text, once, and nothing of the staff log, reached the citizen.
            List<CitizenEvent> seen = desk.citizen.events();
            assertThat(seen.stream().filter(e -> text.equals(e.body()))).hasSize(1);
            assertThat(seen).noneMatch(e -> String.valueOf(e.content()).contains("de.amtsdesk.case"));
            // The first response is met by the functional account's message, as before.
            desk.await("the first response met", () -> desk.anna.book().find(desk.caseId)
                    .map(c -> c.sla().firstResponse().met() != null).orElse(false));
        }
    }

    @Test
    void anInternalNoteNeverReachesTheCitizenNorSynapseInClear(SynapseServer synapse) throws Exception {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36)
                .toUpperCase(Locale.ROOT);
        String marker = "INTERN-NOTIZ-Q7Z-" + run;
        String control = "KLARTEXT-KONTROLLE-Q7Z-" + run;
        try (Desk desk = new Desk(synapse, "note-private")) {
            StaffUnit.send(desk.anna, OutgoingStaffEvents.note(desk.caseId, marker + " Einkommen prüfen"));
            desk.await("the note on the lead's client", () -> desk.lead.book().find(desk.caseId)
                    .map(c -> c.notes().stream().anyMatch(n -> n.text().contains(marker))).orElse(false));
            // A reply afterwards, so the citizen's client has demonstrably received events after the note.
            String reply = "Wir melden uns. " + run;
            CaseworkerReplies.send(desk.anna, desk.amt, desk.caseId, reply, Optional.empty());
            desk.amt.sendPendingNow();
            desk.citizen.awaitEvent("the reply", e -> reply.equals(e.body()), WAIT);

            // The control: the lead posts the control marker in clear into an unencrypted room of its own.
            Session leadSession = desk.lead.engine().session();
            var client = desk.lead.engine().client();
            String clearRoom = client.createRoom(leadSession, Map.of("preset", "private_chat", "name", "Kontrolle"));
            client.sendRoomEvent(leadSession, clearRoom, "m.room.message", "ctl-" + run,
                    Map.of("msgtype", "m.text", "body", control));

            List<CitizenEvent> seen = desk.citizen.events();
            assertThat(seen).isNotEmpty();
            assertThat(seen).allSatisfy(e -> {
                assertThat(e.roomId()).isEqualTo(desk.citizenRoom);
                assertThat(e.eventType() + " " + e.stateKey() + " " + e.content()).doesNotContain(marker);
            });
            assertThat(seen.stream().filter(CitizenEvent::encrypted)).allMatch(CitizenEvent::isDecrypted);

            SynapseDatabaseScan scan = SynapseDatabaseScan.of(synapse);
            assertThat(scan.contains(control)).as("the scan finds a marker sent in clear").isTrue();
            assertThat(scan.contains(desk.staffRoom)).isTrue();
            assertThat(scan.contains(marker)).as("Synapse's database must not hold the note").isFalse();
            assertThat(scan.contains(reply)).as("nor the citizen's reply in clear").isFalse();
        }
    }
}
