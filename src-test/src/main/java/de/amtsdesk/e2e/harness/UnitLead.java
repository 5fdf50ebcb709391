package de.amtsdesk.e2e.harness;

import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.core.staff.StaffRoomSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The team lead of a unit, headless, for the demo and the workspace tests: creates the encrypted staff room, invites
 * the caseworkers, and once they have joined publishes the unit's reply templates and macros (the lead's power level
 * is needed for that). Runs a real staff client (own workstation profile, matrix-sdk-crypto) against the test Synapse.
 */
public final class UnitLead implements AutoCloseable {

    public static final UnitConfig CONFIG = UnitConfig.defaults("AMT");

    private final Workstation workstation;
    private final StaffClient staff;

    private UnitLead(Workstation workstation, StaffClient staff) {
        this.workstation = workstation;
        this.staff = staff;
    }

    /** Creates the lead's profile under {@code dir}, the staff room, and invites {@code caseworkers}. */
    public static UnitLead create(SynapseServer synapse, Path dir, RegisteredUser lead, String roomName,
            List<String> caseworkers) throws Exception {
        return create(synapse, dir, lead, roomName, List.of(), caseworkers);
    }

    /** As {@link #create(SynapseServer, Path, RegisteredUser, String, List)}, with further team leads invited. */
    public static UnitLead create(SynapseServer synapse, Path dir, RegisteredUser lead, String roomName,
            List<String> furtherLeads, List<String> caseworkers) throws Exception {
        Workstation ws = Workstation.create(dir, "lead passphrase 4711".toCharArray());
        try {
            Session session = ws.login(HomeserverUrl.parse(synapse.baseUrl()), lead.localpart(), lead.password());
            AgencyEngine engine = ws.engine(session, rooms -> { }, false);
            engine.syncOnce(Duration.ZERO); // device keys up before the room exists
            String room = StaffRoomSetup.create(engine.client(), session, roomName, furtherLeads, caseworkers,
                    CONFIG.leadLevel());
            StaffClient staff = StaffClient.open(ws, session, room, CONFIG, null);
            return new UnitLead(ws, staff);
        } catch (Exception | Error e) {
            ws.close();
            throw e;
        }
    }

    public String staffRoom() {
        return staff.staffRoomId();
    }

    public StaffClient staff() {
        return staff;
    }

    /** Syncs until {@code member} has joined the staff room, then publishes the demo templates and macros. */
    public void publishTemplatesOnceJoined(String member, Duration wait) throws MatrixException {
        Instant deadline = Instant.now().plus(wait);
        while (!(staff.readyToSend() && staff.book().staffRoom().isMember(member))) {
            if (Instant.now().isAfter(deadline)) {
                throw new HarnessException(member + " did not join the staff room within " + wait);
            }
            staff.syncOnce(Duration.ofMillis(500));
        }
        for (OutgoingStaffEvents.Outgoing template : templates()) {
            staff.send(template);
        }
        for (OutgoingStaffEvents.Outgoing macro : macros()) {
            staff.send(macro);
        }
        staff.flush();
    }

    /** Keeps the lead's client in step (e.g. before checking the staff log from the lead's side). */
    public void sync() throws MatrixException {
        staff.syncOnce(Duration.ofMillis(300));
    }

    static List<OutgoingStaffEvents.Outgoing> templates() {
        return List.of(
                OutgoingStaffEvents.template("eingang", "de", "*", 1, "Eingangsbestätigung",
                        "Guten Tag {citizen.name},\n\nvielen Dank für Ihre Nachricht. Ihr Anliegen ({case.type}) hat das "
                                + "Aktenzeichen {case.reference}. Wir melden uns spätestens am {case.due|in Kürze}.\n\n"
                                + "Mit freundlichen Grüßen\n{caseworker.name}", false),
                OutgoingStaffEvents.template("eingang", "en", "*", 1, "Acknowledgement",
                        "Hello {citizen.name},\n\nthank you for your message. Your request ({case.type}) has the "
                                + "reference {case.reference}. We will reply by {case.due|shortly}.\n\n"
                                + "Kind regards\n{caseworker.name}", false),
                OutgoingStaffEvents.template("wohngeld-unterlagen", "de", "housing.wohngeld.apply", 1,
                        "Wohngeld: Unterlagen anfordern",
                        "Guten Tag {citizen.name},\n\nfür Ihren Wohngeldantrag ({case.reference}) benötigen wir noch "
                                + "Ihren Mietvertrag und die Einkommensnachweise der letzten drei Monate.\n\n"
                                + "Mit freundlichen Grüßen\n{caseworker.name}", false));
    }

    /** The demo unit's macros (ADR 0013): a caseworker runs them with Ctrl+M in the reply field. */
    static List<OutgoingStaffEvents.Outgoing> macros() {
        return List.of(
                OutgoingStaffEvents.macro("unterlagen-anfordern", "de", 1, "Unterlagen anfordern",
                        "wohngeld-unterlagen", CaseStatus.WAITING, List.of("unterlagen-angefordert"), List.of(), false),
                OutgoingStaffEvents.macro("erledigt", "de", 1, "Erledigt", null, CaseStatus.CLOSED, List.of(),
                        List.of(), false),
                OutgoingStaffEvents.macro("erledigt", "en", 1, "Done", null, CaseStatus.CLOSED, List.of(), List.of(),
                        false));
    }

    @Override
    public void close() {
        try {
            staff.close();
        } finally {
            workstation.close();
        }
    }
}
