package de.amtsdesk.e2e.staff;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.conversation.Poll;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.conversation.PollTally;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.engine.EngineStore;
import de.amtsdesk.core.staff.CaseworkerReplies;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.CitizenEvent;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue test 2, "poll composer → the citizen answers → tally in the conversation and an audit entry", against a real
 * Synapse and a matrix-js-sdk citizen: anna composes a multiple-choice poll for a case; it leaves from the agency's
 * functional account, encrypted; the citizen's SDK parses it as Element would (question, options, max_selections,
 * kind) and answers two options; the agency's tally counts both; the lead's staff log names anna as the sender.
 */
@ExtendWith(SynapseExtension.class)
class CaseworkerPollTest {

    @Test
    void aMultipleChoicePollIsAnsweredWithTwoOptionsTalliedAndAttributedToTheCaseworker(SynapseServer synapse)
            throws Exception {
        try (StaffUnit unit = StaffUnit.start(synapse, "poll")) {
            String caseId = StaffUnit.send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(),
                    "Erika"));
            unit.await("the case on every client", c -> c.book().find(caseId).isPresent());

            PollDraft draft = new PollDraft("Welche Unterlagen fehlen Ihnen noch?",
                    List.of("Personalausweis", "Mietvertrag", "Einkommensnachweis"), 2, Poll.Kind.DISCLOSED);
            String txn = CaseworkerReplies.sendPoll(unit.anna, unit.amt, caseId, draft);
            unit.amt.sendPendingNow();
            String pollEventId = unit.amt.outboxItem(txn).map(EngineStore.OutboxItem::eventId).orElseThrow(
                    () -> new AssertionError("the poll was not sent"));
            unit.anna.flush(); // the attribution, queued when the outbox named the event

            // The citizen: received encrypted from the agency, decrypted, parsed by matrix-js-sdk as composed.
            CitizenEvent received = unit.citizen.awaitEvent("the poll",
                    e -> e.eventId().equals(pollEventId) && e.isDecrypted(), StaffUnit.WAIT);
            assertThat(received.sender()).isEqualTo(unit.amtUser.userId());
            assertThat(received.eventType()).isEqualTo("org.matrix.msc3381.poll.start");
            CitizenClient.ReceivedPoll poll = unit.citizen.readPoll(unit.citizenRoom, pollEventId);
            assertThat(poll.encrypted()).isTrue();
            assertThat(poll.question()).isEqualTo("Welche Unterlagen fehlen Ihnen noch?");
            assertThat(poll.answers()).extracting(CitizenClient.PollAnswer::text)
                    .containsExactly("Personalausweis", "Mietvertrag", "Einkommensnachweis");
            assertThat(poll.maxSelections()).isEqualTo(2);
            assertThat(poll.disclosed()).isTrue();
            assertThat(poll.rawKind()).isEqualTo("org.matrix.msc3381.poll.disclosed");

            // The citizen answers two options.
            String ausweis = poll.idOf("Personalausweis");
            String einkommen = poll.idOf("Einkommensnachweis");
            String miete = poll.idOf("Mietvertrag");
            unit.citizen.answerPoll(unit.citizenRoom, pollEventId, List.of(ausweis, einkommen));

            // The agency's tally (what the conversation shows) counts both answers of the one voter.
            unit.await("the citizen's vote in the agency's tally", List.of(unit.lead),
                    c -> unit.amt.pollResult(unit.citizenRoom, pollEventId).voters() == 1);
            PollTally.Result result = unit.amt.pollResult(unit.citizenRoom, pollEventId);
            assertThat(result.count(ausweis)).isEqualTo(1);
            assertThat(result.count(einkommen)).isEqualTo(1);
            assertThat(result.count(miete)).isZero();
            assertThat(result.voters()).isEqualTo(1);
            assertThat(result.ended()).isFalse();
            TimelineEntry start = unit.amt.timeline(unit.citizenRoom).stream()
                    .filter(e -> e.id().equals(pollEventId)).findFirst().orElseThrow();
            assertThat(start.kind()).isEqualTo(TimelineEntry.Kind.POLL_START);
            assertThat(start.poll().maxSelections()).isEqualTo(2);
            assertThat(start.poll().kind()).isEqualTo(Poll.Kind.DISCLOSED);

            // The lead's staff log: the reply of kind poll, sent by anna, for this case and this event.
            unit.await("the attribution on the lead's client", List.of(unit.lead), c -> c.audit().all().stream()
                    .anyMatch(e -> e.action().equals(StaffEventTypes.REPLIED)));
            List<AuditEntry> replied = unit.lead.audit().all().stream()
                    .filter(e -> e.action().equals(StaffEventTypes.REPLIED)).toList();
            String fallback = "Welche Unterlagen fehlen Ihnen noch?\n1. Personalausweis\n2. Mietvertrag\n"
                    + "3. Einkommensnachweis";
            assertThat(replied).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.APPLIED);
                assertThat(e.actor()).isEqualTo(unit.anna.userId());
                assertThat(e.caseId()).isEqualTo(caseId);
                assertThat(e.changes()).contains(new FieldChange("reply.event", null, pollEventId),
                        new FieldChange("reply.kind", null, "poll"),
                        new FieldChange("reply.sha256", null, OutgoingStaffEvents.sha256Hex(fallback)));
                assertThat(e.changes().toString()).doesNotContain("Personalausweis");
            });
            // Nothing of the staff log reached the citizen.
            assertThat(unit.citizen.events()).noneMatch(e -> String.valueOf(e.content()).contains("de.amtsdesk.case"));
        }
    }
}
