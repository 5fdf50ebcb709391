package de.amtsdesk.e2e.staff;

import static de.amtsdesk.e2e.staff.StaffUnit.send;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.matrix.RoomSummary;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9: which citizen rooms the agency joins follows the unit's policy in the case log. With "ask first" an
 * invitation waits until a caseworker accepts it; with "join" it is joined at the next sync.
 */
@ExtendWith(SynapseExtension.class)
class InvitePolicyTest {

    @Test
    void withAskFirstAnInvitationWaitsForACaseworkerAndWithJoinItIsJoinedAtOnce(SynapseServer synapse)
            throws Exception {
        try (StaffUnit unit = StaffUnit.start(synapse, "invites")) {
            // The functional account's engine asks the lead's case log, as the app wires it.
            unit.amt.joinInvitesWhen(() -> unit.lead.book().policy().autoJoin());
            send(unit.lead, OutgoingStaffEvents.policy(null, null, null, false, null, null));
            unit.await("the unit asks first", List.of(unit.lead), c -> !c.book().policy().autoJoin());

            String asking = unit.citizen.createEncryptedRoom(List.of(unit.amtUser.userId()), null, true);
            unit.citizen.sendText(asking, "Zweites Anliegen: Ummeldung");
            syncUntil(unit, () -> unit.amt.pendingInvites().contains(asking), "the invitation known");
            for (int i = 0; i < 3; i++) {
                unit.amt.syncOnce(Duration.ofMillis(300));
            }
            assertThat(unit.amt.pendingInvites()).as("not joined by itself").contains(asking);
            assertThat(membership(unit, asking)).isEqualTo(RoomSummary.Membership.INVITED);

            unit.amt.acceptInvite(asking);
            syncUntil(unit, () -> membership(unit, asking) == RoomSummary.Membership.JOINED, "joined on accept");
            assertThat(unit.amt.pendingInvites()).doesNotContain(asking);

            send(unit.lead, OutgoingStaffEvents.policy(null, null, null, true, null, null));
            unit.await("the unit joins", List.of(unit.lead), c -> c.book().policy().autoJoin());
            String joining = unit.citizen.createEncryptedRoom(List.of(unit.amtUser.userId()), null, true);
            syncUntil(unit, () -> membership(unit, joining) == RoomSummary.Membership.JOINED, "joined by policy");
        }
    }

    private static RoomSummary.Membership membership(StaffUnit unit, String roomId) {
        return unit.amt.directory().summaries().stream().filter(r -> r.roomId().equals(roomId))
                .map(RoomSummary::membership).findFirst().orElse(null);
    }

    private static void syncUntil(StaffUnit unit, BooleanSupplier condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(StaffUnit.WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never: " + what);
            }
            unit.amt.syncOnce(Duration.ofMillis(500));
        }
    }
}
