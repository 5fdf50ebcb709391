package de.amtsdesk.e2e.staff;

import static de.amtsdesk.e2e.staff.StaffUnit.send;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.Note;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, "a member who joins later reads the unit's whole staff history and every case" (ADR 0015): a lead and a
 * caseworker write 200 staff events (cases, assignments, notes); then the lead invites a new caseworker, whose
 * workstation never held any of their room keys. The lead's client shares the history as an MSC4268 room key bundle;
 * the new member's client fetches the whole staff room, imports the bundle from its inviter, and its case book equals
 * the lead's, with the fold not blocked.
 */
@ExtendWith(SynapseExtension.class)
class LateMemberReadsHistoryTest {

    private static final int CASES = 25;
    private static final int NOTES_PER_CASE = 6;

    @Test
    void aCaseworkerInvitedAfter200StaffEventsReadsEveryCase(SynapseServer synapse) throws Exception {
        try (StaffUnit unit = StaffUnit.start(synapse, "late")) {
            String anna = unit.anna.userId();
            String lead = unit.lead.userId();
            List<String> caseIds = new ArrayList<>();
            int events = 0;
            for (int i = 0; i < CASES; i++) {
                caseIds.add(send(unit.lead, OutgoingStaffEvents.created("!akte" + i + ":amt.example",
                        "@buerger" + i + ":amt.example", "Bürger " + i)));
                send(unit.lead, OutgoingStaffEvents.assign(caseIds.get(i), i % 2 == 0 ? anna : lead));
                events += 2;
            }
            for (int n = 0; n < NOTES_PER_CASE; n++) {
                for (int i = 0; i < CASES; i++) {
                    StaffClient author = n % 2 == 0 ? unit.anna : unit.lead;
                    send(author, OutgoingStaffEvents.note(caseIds.get(i), "Vermerk " + n + " zu Akte " + i
                            + " von " + author.userId()));
                    events++;
                }
            }
            assertThat(events).isEqualTo(200);
            unit.await("the lead folded all 200 staff events", List.of(unit.lead), c -> notes(c) == CASES
                    * NOTES_PER_CASE);

            StaffClient clara = unit.newMember("clara");
            int devices = unit.lead.invite(clara.userId());
            assertThat(devices).as("to-device requests carrying the history").isPositive();
            unit.await("Clara's invitation", List.of(clara), c -> c.engine().directory().pendingInvites()
                    .contains(unit.staffRoom));
            clara.joinStaffRoom();

            unit.await("Clara's case book complete", List.of(clara), c -> c.book().cases().size() == CASES
                    && notes(c) == CASES * NOTES_PER_CASE && c.fold().blocked().isEmpty());

            assertThat(clara.fold().blocked()).isEmpty();
            assertThat(view(clara)).isEqualTo(view(unit.lead));
            Case first = clara.book().find(caseIds.getFirst()).orElseThrow();
            assertThat(first.assignee()).isEqualTo(anna);
            assertThat(first.notes()).extracting(Note::text).first()
                    .isEqualTo("Vermerk 0 zu Akte 0 von " + anna);
            // Clara reads the room's creation too: she knows every member, herself included.
            assertThat(clara.book().staffRoom().members()).containsKeys(lead, anna, clara.userId());
        }
    }

    private static long notes(StaffClient client) {
        return client.book().cases().stream().mapToLong(c -> c.notes().size()).sum();
    }

    /** What must be equal on every client: per case its reference, assignee, status and notes (author, text). */
    private static Map<String, String> view(StaffClient client) {
        Map<String, String> view = new TreeMap<>();
        for (Case c : client.book().cases()) {
            view.put(c.id(), c.reference() + " " + c.assignee() + " " + c.status() + " " + c.citizenName() + " "
                    + c.notes().stream().map(n -> n.author() + ":" + n.text()).toList());
        }
        return view;
    }
}
