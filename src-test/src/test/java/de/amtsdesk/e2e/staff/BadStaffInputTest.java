package de.amtsdesk.e2e.staff;

import static de.amtsdesk.e2e.staff.StaffUnit.send;
import static de.amtsdesk.e2e.staff.StaffUnit.sendRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad staff input over the wire: events with an unknown version, a missing or unknown field, a case that does not
 * exist, an unknown type, or sent without encryption are ignored and audited on every client, and the fold goes on;
 * someone outside the staff room cannot even send into it (Synapse refuses).
 */
@ExtendWith(SynapseExtension.class)
class BadStaffInputTest {

    private static final String WOHNGELD = "housing.wohngeld.apply";

    @Test
    void badEventsAreIgnoredAndAuditedOnEveryClientAndOutsidersAreRefusedByTheServer(SynapseServer synapse)
            throws Exception {
        try (StaffUnit unit = StaffUnit.start(synapse, "bad-input")) {
            String caseId = send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(), null));
            unit.await("the case", c -> c.book().find(caseId).isPresent());

            Map<String, Rejection> bad = new LinkedHashMap<>();
            StaffClient anna = unit.anna;
            bad.put(sendRaw(anna, "de.amtsdesk.case.typed",
                    "{\"v\":2,\"case\":\"" + caseId + "\",\"type\":\"" + WOHNGELD + "\"}"), Rejection.UNSUPPORTED_VERSION);
            bad.put(sendRaw(anna, "de.amtsdesk.case.typed", "{\"v\":1,\"case\":\"" + caseId + "\"}"),
                    Rejection.MALFORMED);
            bad.put(sendRaw(anna, "de.amtsdesk.case.typed", "{\"v\":1,\"case\":\"" + caseId + "\",\"type\":\""
                    + WOHNGELD + "\",\"priority\":\"hoch\"}"), Rejection.MALFORMED);
            bad.put(sendRaw(anna, "de.amtsdesk.case.note", "{\"v\":1,\"case\":\"" + caseId + "\",\"text\":42}"),
                    Rejection.MALFORMED);
            bad.put(sendRaw(anna, "de.amtsdesk.case.assigned",
                    "{\"v\":1,\"case\":\"$doesnotexist:localhost\",\"assignee\":\"" + anna.userId() + "\"}"),
                    Rejection.UNKNOWN_CASE);
            bad.put(sendRaw(anna, "de.amtsdesk.case.frobnicate", "{\"v\":1,\"case\":\"" + caseId + "\"}"),
                    Rejection.UNKNOWN_EVENT_TYPE);
            bad.put(sendRaw(anna, "de.amtsdesk.case.status", "{}"), Rejection.MALFORMED); // no "v" at all
            // A modified client could post a case event without encryption: it is refused, not applied.
            String clear = anna.engine().client().sendRoomEvent(anna.engine().session(), unit.staffRoom,
                    "de.amtsdesk.case.assigned", "txn-clear-" + System.nanoTime(),
                    Map.of("v", 1, "case", caseId, "assignee", anna.userId()));
            bad.put(clear, Rejection.MALFORMED);

            // An outsider (no member of the staff room) cannot join it or send into it: Synapse refuses.
            RegisteredUser mallory = SynapseExtension.registerUser("mallory");
            MatrixClient client = new MatrixClient(HomeserverUrl.parse(synapse.baseUrl()));
            Session outsider = client.login(mallory.localpart(), mallory.password(), null, "mallory");
            assertThatThrownBy(() -> client.sendRoomEvent(outsider, unit.staffRoom, "m.room.encrypted",
                    "txn-forged", Map.of("algorithm", "m.megolm.v1.aes-sha2", "ciphertext", "AwgA")))
                    .isInstanceOfSatisfying(MatrixException.class,
                            e -> assertThat(e.errcode()).hasValue("M_FORBIDDEN"));
            assertThatThrownBy(() -> client.sendRoomEvent(outsider, unit.staffRoom, "de.amtsdesk.case.assigned",
                    "txn-forged-2", Map.of("v", 1, "case", caseId, "assignee", mallory.userId())))
                    .isInstanceOfSatisfying(MatrixException.class,
                            e -> assertThat(e.errcode()).hasValue("M_FORBIDDEN"));
            assertThatThrownBy(() -> client.joinRoom(outsider, unit.staffRoom))
                    .isInstanceOfSatisfying(MatrixException.class,
                            e -> assertThat(e.errcode()).hasValue("M_FORBIDDEN"));

            // A good event after all of them still applies: nothing got stuck.
            String good = send(anna, OutgoingStaffEvents.typed(caseId, WOHNGELD));
            unit.await("the good event after the bad ones", c -> c.book().find(caseId)
                    .map(k -> WOHNGELD.equals(k.type())).orElse(false));

            for (StaffClient c : unit.all()) {
                assertThat(c.fold().blocked()).isEmpty();
                bad.forEach((eventId, reason) -> assertThat(c.audit().forEvent(eventId))
                        .as("%s on %s", reason, c.userId())
                        .singleElement().satisfies(e -> {
                            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.REJECTED);
                            assertThat(e.rejection()).isEqualTo(reason);
                            assertThat(e.actor()).isEqualTo(anna.userId());
                        }));
                assertThat(c.audit().forEvent(good)).singleElement()
                        .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.APPLIED));
                Case k = unit.caseOn(c);
                assertThat(k.assignee()).as("the unencrypted assignment was not applied").isNull();
                assertThat(k.notes()).isEmpty();
                assertThat(c.book().cases()).hasSize(1);
                assertThat(c.audit().all()).noneMatch(e -> e.actor().equals(mallory.userId()));
            }
            assertThat(StaffUnit.staffAudit(unit.anna)).isEqualTo(StaffUnit.staffAudit(unit.lead));
            assertThat(StaffUnit.staffAudit(unit.ben)).isEqualTo(StaffUnit.staffAudit(unit.lead));
        }
    }
}
