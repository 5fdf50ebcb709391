package de.amtsdesk.e2e.staff;

import static de.amtsdesk.e2e.staff.StaffUnit.send;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.e2e.harness.CitizenEvent;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseDatabaseScan;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Case metadata (type, status, assignee, notes, tags) never reaches the citizen and is never in clear on the server:
 * the citizen program, which is only in its own room, receives no event carrying any of it, and Synapse's SQLite
 * database holds none of the values. Distinctive values (with a per-run suffix, since all tests share one Synapse)
 * make the byte scan meaningful; the scan is shown to work on a value that is in clear there.
 */
@ExtendWith(SynapseExtension.class)
class CaseMetadataStaysPrivateTest {

    @Test
    void theCitizenAndSynapseNeverSeeTypeStatusAssigneeNotesOrTags(SynapseServer synapse) throws Exception {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36)
                .toUpperCase(Locale.ROOT);
        String noteMarker = "Notiz-7Q3X-" + run;
        String note = noteMarker + " Einkommen geprüft, Mietvertrag fehlt";
        String tag = "Tag-Wohngeld-9K" + run;
        String reason = "Grund-W4IT-" + run;
        String type = "housing.wohngeld-" + run.toLowerCase(Locale.ROOT) + ".apply";
        try (StaffUnit unit = StaffUnit.start(synapse, "private")) {
            String caseId = send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(),
                    "Erika Mustermann"));
            send(unit.lead, OutgoingStaffEvents.typed(caseId, type));
            send(unit.lead, OutgoingStaffEvents.assign(caseId, unit.anna.userId()));
            send(unit.anna, OutgoingStaffEvents.note(caseId, note));
            send(unit.anna, OutgoingStaffEvents.tag(caseId, List.of(tag), List.of()));
            // The agency answers the citizen the normal way, and parks the case.
            unit.amt.sendText(unit.citizenRoom, "Vielen Dank, wir prüfen Ihren Antrag.");
            unit.amt.sendPendingNow();
            send(unit.anna, OutgoingStaffEvents.status(caseId, CaseStatus.WAITING, reason));
            unit.await("the complete case", c -> c.book().find(caseId)
                    .filter(k -> k.status() == CaseStatus.WAITING && k.tags().contains(tag) && k.notes().size() == 1
                            && k.sla().firstResponse().met() != null)
                    .isPresent());
            for (StaffClient client : unit.all()) {
                Case c = unit.caseOn(client);
                assertThat(c.type()).isEqualTo(type);
                assertThat(c.assignee()).isEqualTo(unit.anna.userId());
                assertThat(c.notes().getFirst().text()).isEqualTo(note);
                assertThat(client.search("einkommen mietvertr", 5)).extracting(h -> h.caseId()).containsExactly(caseId);
            }

            // The citizen writes again and gets the agency's answer: its client is live and receiving.
            unit.citizen.awaitEvent("the agency's answer", e -> "Vielen Dank, wir prüfen Ihren Antrag.".equals(e.body()),
                    StaffUnit.WAIT);
            String marker = "Noch eine Frage " + run;
            unit.citizen.sendText(unit.citizenRoom, marker);
            unit.awaitAgencyMessages(3);
            unit.await("the case reopened", c -> unit.caseOn(c).status() == CaseStatus.OPEN);

            List<String> secrets = List.of(noteMarker, tag, reason, type, "\"assignee\"",
                    "\"status\":\"waiting\"", "de.amtsdesk.case");
            List<CitizenEvent> seen = unit.citizen.events();
            assertThat(seen).isNotEmpty();
            for (CitizenEvent event : seen) {
                assertThat(event.roomId()).isEqualTo(unit.citizenRoom);
                String all = event.eventType() + " " + event.stateKey() + " " + event.content();
                for (String secret : secrets) {
                    assertThat(all).as("citizen event %s", event.summary()).doesNotContain(secret);
                }
            }

            // Synapse's own database: the SQLite file and its write-ahead log, read as they lie on disk.
            SynapseDatabaseScan scan = SynapseDatabaseScan.of(synapse);
            assertThat(scan.contains(unit.staffRoom)).as("the scan finds what is in clear there").isTrue();
            assertThat(scan.contains("m.megolm.v1.aes-sha2")).isTrue();
            for (String secret : List.of(noteMarker, tag, reason, type, marker)) {
                assertThat(scan.contains(secret)).as("Synapse's database must not contain %s", secret).isFalse();
            }
        }
    }
}
