package de.amtsdesk.e2e.staff;

import static de.amtsdesk.e2e.staff.StaffUnit.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.core.staff.presence.PresenceEvents;
import de.amtsdesk.core.staff.presence.StaffPresence;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, "collisions", against a real Synapse: when Anna opens a case and writes a reply, Ben's workstation knows
 * it within 2 s; the homeserver sees only encrypted events (never which case); the signals leave the case book and
 * its audit alone.
 */
@ExtendWith(SynapseExtension.class)
class CollisionHintTest {

    @Test
    void anotherMemberSeesWithinTwoSecondsThatAnnaIsWritingAndTheServerNeverLearnsWhichCase(SynapseServer synapse)
            throws Exception {
        try (StaffUnit unit = StaffUnit.start(synapse, "collision")) {
            String caseId = send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(),
                    "Erika Mustermann"));
            unit.await("the case everywhere", c -> c.book().find(caseId).isPresent());
            long auditBefore = unit.ben.audit().size();
            String anna = unit.anna.userId();

            unit.anna.announce(caseId, StaffPresence.Activity.VIEWING);
            unit.anna.flush();
            long viewingMillis = untilBenSees(unit.ben, caseId, anna, StaffPresence.Activity.VIEWING);

            unit.anna.announce(caseId, StaffPresence.Activity.WRITING);
            unit.anna.flush();
            long writingMillis = untilBenSees(unit.ben, caseId, anna, StaffPresence.Activity.WRITING);

            System.out.println("collision hint: viewing seen after " + viewingMillis + " ms, writing after "
                    + writingMillis + " ms");
            assertThat(viewingMillis).as("viewing seen after %d ms", viewingMillis).isLessThan(2_000);
            assertThat(writingMillis).as("writing seen after %d ms", writingMillis).isLessThan(2_000);
            assertThat(unit.ben.presence().writers(caseId, unit.ben.userId())).extracting(StaffPresence::userId)
                    .containsExactly(anna);
            assertThat(unit.anna.presence().writers(caseId, anna)).as("not shown to herself").isEmpty();

            unit.anna.announce(caseId, StaffPresence.Activity.NONE);
            unit.anna.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!unit.ben.presence().others(caseId, unit.ben.userId()).isEmpty() && System.nanoTime() < deadline) {
                unit.ben.syncOnce(Duration.ofMillis(500));
            }
            assertThat(unit.ben.presence().others(caseId, unit.ben.userId())).as("Anna left the case").isEmpty();
            assertThat(unit.ben.audit().size()).as("presence is never audited").isEqualTo(auditBefore);

            // What the homeserver holds of them: encrypted events, no case ID, no activity in the clear.
            JsonNode messages = unit.ben.engine().client().send(unit.ben.engine().session(), "GET",
                    "/_matrix/client/v3/rooms/" + java.net.URLEncoder.encode(unit.staffRoom,
                            java.nio.charset.StandardCharsets.UTF_8) + "/messages?dir=b&limit=20", null);
            List<JsonNode> fromAnna = new java.util.ArrayList<>();
            messages.path("chunk").forEach(e -> {
                if (e.path("sender").asText().equals(anna) && !e.has("state_key")) {
                    fromAnna.add(e);
                }
            });
            assertThat(fromAnna).hasSizeGreaterThanOrEqualTo(3);
            assertThat(fromAnna).allSatisfy(e -> {
                assertThat(e.path("type").asText()).isEqualTo("m.room.encrypted");
                assertThat(e.toString()).doesNotContain(caseId).doesNotContain(PresenceEvents.TYPE)
                        .doesNotContain("writing");
            });
        }
    }

    /** Syncs Ben (long-polling, as the app's loop does) until his board shows Anna's activity; the time it took. */
    private static long untilBenSees(StaffClient ben, String caseId, String anna, StaffPresence.Activity activity)
            throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            boolean seen = ben.presence().others(caseId, ben.userId()).stream()
                    .anyMatch(s -> s.userId().equals(anna) && s.activity() == activity);
            if (seen) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            ben.syncOnce(Duration.ofSeconds(5));
        }
        throw new AssertionError("Ben never saw Anna " + activity + " on " + caseId);
    }
}
