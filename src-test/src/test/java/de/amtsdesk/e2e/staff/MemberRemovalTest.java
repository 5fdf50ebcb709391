package de.amtsdesk.e2e.staff;

import static de.amtsdesk.e2e.staff.StaffUnit.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.staff.StaffRoomSetup;
import de.amtsdesk.crypto.DecryptedEvent;
import de.amtsdesk.crypto.DecryptionFailedException;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, "members": the lead removes a caseworker from the unit with the homeserver enforcing it, and the removed
 * member cannot decrypt what the unit writes afterwards — not through the server, and not with the ciphertext in
 * hand, because the room key was rotated. A caseworker cannot remove anyone.
 */
@ExtendWith(SynapseExtension.class)
class MemberRemovalTest {

    @Test
    void aRemovedCaseworkerCannotDecryptStaffEventsSentAfterTheRemoval(SynapseServer synapse) throws Exception {
        try (StaffUnit unit = StaffUnit.start(synapse, "removal")) {
            String staffRoom = unit.staffRoom;
            String ben = unit.ben.userId();
            String caseId = send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(),
                    "Erika Mustermann"));
            String before = send(unit.lead, OutgoingStaffEvents.note(caseId, "Vor der Abordnung: Akte liegt vor"));
            unit.await("the note before the removal", c -> c.book().find(caseId)
                    .filter(k -> k.notes().size() == 1).isPresent());

            // A caseworker cannot remove a colleague: the homeserver refuses (kick level is the lead's).
            assertThatThrownBy(() -> StaffRoomSetup.remove(unit.anna.engine().client(), unit.anna.engine().session(),
                    staffRoom, ben, "Versuch")).isInstanceOf(MatrixException.class);

            StaffRoomSetup.remove(unit.lead.engine().client(), unit.lead.engine().session(), staffRoom, ben,
                    "Abordnung an eine andere Stelle");
            unit.await("Ben gone from the unit", java.util.List.of(unit.lead, unit.anna),
                    c -> !c.book().staffRoom().members().containsKey(ben));

            String after = send(unit.lead, OutgoingStaffEvents.note(caseId, "Nach der Abordnung: Bescheid geht raus"));
            unit.await("the note after the removal", java.util.List.of(unit.lead, unit.anna),
                    c -> c.book().find(caseId).filter(k -> k.notes().size() == 2).isPresent());
            assertThat(unit.anna.book().find(caseId).orElseThrow().notes().get(1).text())
                    .isEqualTo("Nach der Abordnung: Bescheid geht raus");

            // As the server stores them: both encrypted, the later one under a new Megolm session.
            JsonNode rawBefore = unit.anna.engine().client().event(unit.anna.engine().session(), staffRoom, before);
            JsonNode rawAfter = unit.anna.engine().client().event(unit.anna.engine().session(), staffRoom, after);
            assertThat(rawAfter.path("type").asText()).isEqualTo("m.room.encrypted");
            assertThat(rawAfter.path("content").path("session_id").asText()).as("room key rotated")
                    .isNotBlank().isNotEqualTo(rawBefore.path("content").path("session_id").asText());

            // The server does not hand Ben what was sent after he left.
            assertThatThrownBy(() -> unit.ben.engine().client().event(unit.ben.engine().session(), staffRoom, after))
                    .isInstanceOf(MatrixException.class);

            // With the ciphertext in hand Ben's device still cannot read it; what he had before, he can.
            DecryptedEvent old = unit.ben.engine().decryptFetched(staffRoom, rawBefore.toString());
            assertThat(old.clearEventJson()).contains("Vor der Abordnung");
            assertThatThrownBy(() -> unit.ben.engine().decryptFetched(staffRoom, rawAfter.toString()))
                    .isInstanceOfSatisfying(DecryptionFailedException.class, e -> assertThat(e.reason())
                            .isEqualTo(DecryptionFailedException.Reason.MISSING_ROOM_KEY));

            // Nor did a later sync bring it: Ben's book stops at the removal.
            unit.ben.syncOnce(java.time.Duration.ofMillis(500));
            assertThat(unit.ben.book().find(caseId).orElseThrow().notes()).extracting(n -> n.text())
                    .containsExactly("Vor der Abordnung: Akte liegt vor");
        }
    }
}
