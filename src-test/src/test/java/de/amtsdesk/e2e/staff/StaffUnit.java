package de.amtsdesk.e2e.staff;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.EngineStore;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.matrix.SyncListener;
import de.amtsdesk.core.staff.CitizenRooms;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.core.staff.StaffRoomSetup;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.HarnessPaths;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Test fixture for issue 4 against a real Synapse: a unit with a team lead and two caseworkers (each a
 * {@link StaffClient} on a personal account with its own workstation profile, in this JVM), the functional account's
 * workstation (a fourth engine, auto-joining citizen invites) and a citizen (matrix-js-sdk) who opened an encrypted
 * room with the agency and wrote a first message. The staff room is created by the lead, encrypted, and joined by
 * both caseworkers before anything is sent into it.
 */
final class StaffUnit implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final UnitConfig CONFIG = UnitConfig.defaults("WG");
    private static final SyncListener QUIET = rooms -> { };

    final SynapseServer synapse;
    final Path root;
    final RegisteredUser amtUser;
    final Workstation amtWs;
    final AgencyEngine amt;
    final CitizenClient citizen;
    final String citizenRoom;
    final StaffClient lead;
    final StaffClient anna;
    final StaffClient ben;
    /** Ben's personal account, e.g. to sign in at a second workstation ({@link #anotherDevice}). */
    final RegisteredUser benAccount;
    final String staffRoom;
    private final List<Workstation> workstations = new ArrayList<>();
    private final List<StaffClient> laterMembers = new ArrayList<>();

    private StaffUnit(SynapseServer synapse, String name, RegisteredUser windowUser, boolean windowLead)
            throws Exception {
        this.synapse = synapse;
        try {
        this.root = Files.createDirectories(HarnessPaths.srcTestDir().resolve("target").resolve("staff-e2e")
                .resolve(name + "-" + System.nanoTime()));
        this.amtUser = SynapseExtension.registerUser("amt");
        RegisteredUser leadUser = SynapseExtension.registerUser("lena-lead");
        RegisteredUser annaUser = SynapseExtension.registerUser("anna");
        RegisteredUser benUser = SynapseExtension.registerUser("ben");
        this.benAccount = benUser;
        RegisteredUser citizenUser = SynapseExtension.registerUser("erika");

        // The functional account: one workstation device, joining citizen invites on its own.
        amtWs = workstation("amt");
        Session amtSession = amtWs.login(HomeserverUrl.parse(synapse.baseUrl()), amtUser.localpart(), amtUser.password());
        amt = amtWs.engine(amtSession, QUIET, true);
        amt.syncOnce(Duration.ZERO);

        // Staff: personal accounts, each on its own profile; the first sync publishes the device keys.
        Workstation leadWs = workstation("lead");
        Workstation annaWs = workstation("anna");
        Workstation benWs = workstation("ben");
        Session leadSession = login(leadWs, leadUser);
        Session annaSession = login(annaWs, annaUser);
        Session benSession = login(benWs, benUser);
        for (Workstation ws : List.of(leadWs, annaWs, benWs)) {
            ws.engine(ws.storedSession().orElseThrow(), QUIET, false).syncOnce(Duration.ZERO);
        }
        AgencyEngine leadEngine = leadWs.engine(leadSession, QUIET, false);
        // A member who signs in through the window (issue 9's window tests) is invited with the others, as a lead
        // or as a caseworker; nothing is sent into the room before the window's device has joined.
        List<String> furtherLeads = windowUser != null && windowLead ? List.of(windowUser.userId()) : List.of();
        List<String> caseworkers = new ArrayList<>(List.of(annaUser.userId(), benUser.userId()));
        if (windowUser != null && !windowLead) {
            caseworkers.add(windowUser.userId());
        }
        staffRoom = StaffRoomSetup.create(leadEngine.client(), leadSession, "Wohngeldstelle " + name, furtherLeads,
                caseworkers, CONFIG.leadLevel());

        CitizenRooms citizenRooms = CitizenRooms.of(amtWs.database(), amtUser.userId());
        lead = StaffClient.open(leadWs, leadSession, staffRoom, CONFIG, citizenRooms);
        anna = StaffClient.open(annaWs, annaSession, staffRoom, CONFIG, citizenRooms);
        ben = StaffClient.open(benWs, benSession, staffRoom, CONFIG, citizenRooms);
        for (StaffClient client : List.of(lead, anna, ben)) {
            client.followCitizenRooms(amt); // the functional account's syncs fold citizen activity at once
        }
        for (StaffClient caseworker : List.of(anna, ben)) {
            await("the invite to the staff room", List.of(caseworker), c -> c.engine().directory().pendingInvites()
                    .contains(staffRoom));
            caseworker.joinStaffRoom();
        }
        await("everyone joined and the room known as encrypted", all(), c -> c.readyToSend()
                && c.book().staffRoom().members().size() == 3);

        // The citizen opens an encrypted room with the agency and writes.
        citizen = CitizenClient.start(name + "-citizen");
        citizen.login(synapse, citizenUser);
        citizenRoom = citizen.createEncryptedRoom(List.of(amtUser.userId()), null, true);
        citizen.sendText(citizenRoom, "Guten Tag, ich möchte Wohngeld beantragen. Mit freundlichen Grüßen, Erika");
        awaitAgencyMessages(1);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    static StaffUnit start(SynapseServer synapse, String name) throws Exception {
        return new StaffUnit(synapse, name, null, false);
    }

    /**
     * A unit whose staff room also invites {@code windowUser} (as a further lead, or as a caseworker), who signs in
     * through the real window with the functional account ({@link #amtUser}) as a second workstation device.
     */
    static StaffUnit withWindowMember(SynapseServer synapse, String name, RegisteredUser windowUser,
            boolean windowLead) throws Exception {
        return new StaffUnit(synapse, name, windowUser, windowLead);
    }

    /**
     * Another workstation device of the functional account (e.g. the deputy's), logged in and synced once; it knows
     * nothing older than itself until it restores the key backup.
     */
    AgencyEngine newAgencyDevice(String name) throws Exception {
        Workstation ws = workstation(name);
        Session session = login(ws, amtUser);
        AgencyEngine engine = ws.engine(session, QUIET, false);
        engine.syncOnce(Duration.ZERO);
        return engine;
    }

    /** The functional account's readable messages in the citizen room, as seen by {@code engine}: their bodies. */
    static List<String> readableBodies(AgencyEngine engine, String roomId) {
        List<String> bodies = new ArrayList<>();
        for (EngineStore.StoredEvent e : engine.storedEvents(roomId)) {
            if (e.type().equals("m.room.message") && e.decryption() != EngineStore.Decryption.UNABLE_TO_DECRYPT
                    && e.contentJson() != null) {
                try {
                    bodies.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.contentJson())
                            .path("body").asText());
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }
        }
        return bodies;
    }

    private Workstation workstation(String name) throws Exception {
        Workstation ws = Workstation.create(root.resolve(name), ("passphrase " + name + " 4711").toCharArray());
        workstations.add(ws);
        return ws;
    }

    private Session login(Workstation ws, RegisteredUser user) throws MatrixException {
        return ws.login(HomeserverUrl.parse(synapse.baseUrl()), user.localpart(), user.password());
    }

    /**
     * A staff member who joins later (issue 9): a new personal account on its own workstation profile whose device
     * keys are published and whose device is cross-signed, with a staff client on the staff room; not invited yet.
     */
    StaffClient newMember(String name) throws Exception {
        RegisteredUser user = SynapseExtension.registerUser(name);
        Workstation ws = workstation(name);
        Session session = login(ws, user);
        ws.engine(session, QUIET, false).syncOnce(Duration.ZERO);
        StaffClient client = StaffClient.open(ws, session, staffRoom, CONFIG,
                CitizenRooms.of(amtWs.database(), amtUser.userId()));
        laterMembers.add(client);
        client.followCitizenRooms(amt);
        if (!client.prepareForHistory()) {
            throw new AssertionError(name + "'s device could not be cross-signed");
        }
        return client;
    }

    /**
     * A member's further device (e.g. a second workstation): its own profile, logged in, its device keys published by a
     * first sync, and a staff client on the staff room the account has joined already. No other client has synced
     * since, so none of them has heard of this device from the server's device list changes yet.
     */
    StaffClient anotherDevice(RegisteredUser account, String name) throws Exception {
        Workstation ws = workstation(name);
        Session session = login(ws, account);
        ws.engine(session, QUIET, false).syncOnce(Duration.ZERO);
        StaffClient client = StaffClient.open(ws, session, staffRoom, CONFIG,
                CitizenRooms.of(amtWs.database(), amtUser.userId()));
        laterMembers.add(client);
        client.followCitizenRooms(amt);
        return client;
    }

    List<StaffClient> all() {
        return List.of(lead, anna, ben);
    }

    String citizenId() {
        return citizen.userId();
    }

    /** Sends a change from one client and returns its event ID once the homeserver took it. */
    static String send(StaffClient from, OutgoingStaffEvents.Outgoing change) throws MatrixException {
        String txn = from.send(change);
        from.flush();
        return from.eventIdOf(txn).orElseThrow(() -> new AssertionError("not sent: " + change.type()));
    }

    static String sendRaw(StaffClient from, String type, String json) throws MatrixException {
        String txn = from.sendRaw(type, json);
        from.flush();
        return from.eventIdOf(txn).orElseThrow(() -> new AssertionError("not sent: " + type));
    }

    /** The case of the citizen room on this client (which must know it). */
    Case caseOn(StaffClient client) {
        return client.book().findByRoom(citizenRoom).orElseThrow(() -> new AssertionError(client.userId()
                + " has no case for " + citizenRoom));
    }

    /** Syncs the clients (and the functional account) until every one of them satisfies the condition. */
    void await(String what, Predicate<StaffClient> condition) throws MatrixException {
        await(what, all(), condition);
    }

    void await(String what, List<StaffClient> clients, Predicate<StaffClient> condition) throws MatrixException {
        await(what, clients, condition, WAIT);
    }

    void await(String what, List<StaffClient> clients, Predicate<StaffClient> condition, Duration wait)
            throws MatrixException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            if (amt != null) {
                amt.syncOnce(Duration.ZERO);
            }
            boolean all = true;
            for (StaffClient client : clients) {
                client.syncOnce(Duration.ofMillis(300));
                all &= condition.test(client);
            }
            if (all) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                StringBuilder state = new StringBuilder("not every client reached: " + what);
                for (StaffClient client : clients) {
                    state.append("\n  ").append(client.userId()).append(": met=").append(condition.test(client))
                            .append(", blocked=").append(client.fold().blocked()).append(", cases=")
                            .append(client.book().cases().stream().map(c -> c.reference() + "/" + c.type() + "/"
                                    + c.status() + "/" + c.assignee()).toList())
                            .append(", audit=").append(client.audit().all().stream()
                                    .map(e -> e.action() + ":" + e.outcome() + ":" + e.rejection()).toList());
                }
                throw new AssertionError(state.toString());
            }
        }
    }

    /** Until every client has audited the event. */
    void awaitAudited(String eventId) throws MatrixException {
        await("the audit of " + eventId, c -> !c.audit().forEvent(eventId).isEmpty());
    }

    /** Waits until the functional account's store holds {@code count} readable messages in the citizen room. */
    void awaitAgencyMessages(int count) throws MatrixException {
        Instant deadline = Instant.now().plus(WAIT);
        while (readableMessages() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the functional account has " + readableMessages() + " of " + count
                        + " readable messages in " + citizenRoom);
            }
            amt.syncOnce(Duration.ofMillis(500));
        }
    }

    private long readableMessages() {
        return amt.storedEvents(citizenRoom).stream()
                .filter(e -> e.type().equals("m.room.message") && e.decryption() != EngineStore.Decryption.UNABLE_TO_DECRYPT)
                .count();
    }

    /** The audit entries of staff events, without the local sequence: what must be equal on every client. */
    static List<String> staffAudit(StaffClient client) {
        return client.audit().all().stream()
                .filter(e -> e.action().startsWith("de.amtsdesk.case.") || e.action().startsWith("m.room."))
                .map(StaffUnit::describe).toList();
    }

    static String describe(AuditEntry e) {
        return e.eventId() + " " + e.at() + " " + e.actor() + " " + e.caseId() + " " + e.action() + " " + e.outcome()
                + " " + e.rejection() + " " + e.changes();
    }

    @Override
    public void close() {
        if (citizen != null) {
            citizen.close();
        }
        List<StaffClient> clients = new ArrayList<>(laterMembers);
        clients.addAll(java.util.Arrays.asList(lead, anna, ben));
        for (StaffClient client : clients) {
            if (client != null) {
                try {
                    client.close();
                } catch (RuntimeException e) {
                    System.err.println("closing " + client.userId() + ": " + e);
                }
            }
        }
        for (Workstation ws : workstations) {
            ws.close();
        }
        // Encrypted profiles of throw-away accounts: nothing worth keeping in target/.
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
