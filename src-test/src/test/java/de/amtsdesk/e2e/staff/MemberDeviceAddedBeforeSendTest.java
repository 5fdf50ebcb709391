package de.amtsdesk.e2e.staff;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.engine.EngineStore;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member's device that exists when a staff event is encrypted must be able to read it, even if the sender's device
 * has not synced since that device appeared (the server's device list change has not reached the sender yet).
 *
 * <p>Against a real Synapse: Ben signs in at a second workstation (its device keys are on the server); the lead, who
 * has not synced since, opens a case; then the lead syncs (hears of Ben's new device) and types the case, on the same
 * Megolm session. Without a fresh look at the members' devices before sharing, the new device gets the session only
 * with the second event, from index 1 on: the first is {@code UNKNOWN_MESSAGE_INDEX} there for good, and Ben's staff
 * log on that workstation waits at it forever.
 */
@ExtendWith(SynapseExtension.class)
class MemberDeviceAddedBeforeSendTest {

    @Test
    void aDeviceAddedSinceTheSendersLastSyncReadsEveryStaffEventSentAfterItsKeysWereUp(SynapseServer synapse)
            throws Exception {
        try (StaffUnit unit = StaffUnit.start(synapse, "device-added")) {
            StaffClient benLaptop = unit.anotherDevice(unit.benAccount, "ben-laptop");

            String created = StaffUnit.send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(),
                    "Erika Mustermann"));
            // The lead's device hears of the new device now and goes on with the same room key.
            unit.lead.syncOnce(Duration.ZERO);
            String caseId = unit.caseOn(unit.lead).id();
            String typed = StaffUnit.send(unit.lead, OutgoingStaffEvents.typed(caseId, "housing.wohngeld.apply"));

            unit.await("the case typed on Ben's new workstation", List.of(benLaptop),
                    c -> c.book().find(caseId).map(k -> k.isTyped()).orElse(false), Duration.ofSeconds(30));
            assertThat(benLaptop.fold().blocked()).isEmpty();
            for (String eventId : List.of(created, typed)) {
                assertThat(benLaptop.engine().storedEvents(unit.staffRoom)).filteredOn(e -> e.eventId().equals(eventId))
                        .singleElement().satisfies(e -> assertThat(e.decryption())
                                .isNotEqualTo(EngineStore.Decryption.UNABLE_TO_DECRYPT));
            }
            // Everyone else, too.
            unit.await("the case typed everywhere", c -> c.book().find(caseId).map(k -> k.isTyped()).orElse(false));
        }
    }
}
