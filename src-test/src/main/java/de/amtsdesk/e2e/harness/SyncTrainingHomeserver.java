package de.amtsdesk.e2e.harness;

import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.store.SettingsRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The homeserver of the app-image's AOT training on the sync path (ADR 0019): a local Synapse on which the training
 * profile's workstation has signed in and uploaded its device keys, and then citizens (matrix-js-sdk) opened encrypted
 * rooms and wrote into them while the workstation was off. The training start of the app thus unlocks, finds the
 * citizens' messages and their room keys waiting, and syncs and decrypts them, as on any morning.
 *
 * <p>{@code SyncTrainingHomeserver PROFILE WORK CASES ROOMS MESSAGES}: writes the profile (the {@link SeededWorkstation}
 * cases, so the queue has work in it too), starts Synapse in WORK, prints {@link #READY} and serves until the file
 * {@code WORK/stop} appears (or the process is stopped). The passphrase comes from {@code AMTSDESK_SEED_PASSPHRASE}.
 */
public final class SyncTrainingHomeserver {

    public static final String READY = "AMTSDESK_TRAINING_HOMESERVER_READY";
    private static final int CITIZENS = 2;

    private SyncTrainingHomeserver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: SyncTrainingHomeserver PROFILE WORK CASES ROOMS MESSAGES");
        }
        String passphrase = System.getenv("AMTSDESK_SEED_PASSPHRASE");
        if (passphrase == null || passphrase.isBlank()) {
            throw new IllegalArgumentException("AMTSDESK_SEED_PASSPHRASE is not set");
        }
        Path profile = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1])).toAbsolutePath();
        int cases = Integer.parseInt(args[2]);
        int rooms = Integer.parseInt(args[3]);
        int messages = Integer.parseInt(args[4]);
        if (Files.exists(profile)) {
            throw new IllegalArgumentException(profile + " exists already");
        }
        if (System.getProperty(HarnessPaths.REPORTS_DIR_PROPERTY) == null) {
            System.setProperty(HarnessPaths.REPORTS_DIR_PROPERTY, work.resolve("logs").toString());
        }
        SeededWorkstation.Written written = SeededWorkstation.write(profile, passphrase.toCharArray(), cases);
        SynapseServer synapse = SynapseServer.start(work.resolve("synapse"));
        Runtime.getRuntime().addShutdownHook(new Thread(synapse::close, "synapse-stop"));
        try {
            RegisteredUser agency = synapse.registerUser("amt", "training-" + Long.toHexString(System.nanoTime()),
                    "Bürgeramt", false);
            RegisteredUser worker = synapse.registerUser("worker3", "training-" + Long.toHexString(System.nanoTime()),
                    "Clara Sachbearbeitung", false);
            signIn(profile, passphrase.toCharArray(), synapse, agency, worker);
            if (CitizenRoomsOnServer.devicesWithKeys(synapse, agency) != 1) {
                throw new IllegalStateException("the training workstation did not upload its device keys");
            }
            int sent = CitizenRoomsOnServer.writtenMeanwhile(synapse, agency, CITIZENS, rooms, messages,
                    (citizen, m) -> "Guten Tag, hier " + citizen.name() + " mit Nachricht " + m + ": Anbei die fehlenden"
                            + " Nachweise zu meinem Antrag auf Wohngeld. Bitte teilen Sie mir mit, ob noch etwas fehlt.",
                    SyncTrainingHomeserver::progress);
            System.out.println(READY + " profile=" + profile + " cases=" + written.cases() + " rooms=" + rooms
                    + " messages=" + sent);
            System.out.flush();
            Path stop = work.resolve("stop");
            while (!Files.exists(stop) && synapse.isRunning()) {
                Thread.sleep(200);
            }
        } finally {
            synapse.close();
        }
        System.exit(0);
    }

    /**
     * Both accounts signed in on the profile; the functional account's device syncs twice while it has no rooms, which
     * uploads its device keys (and stores a since token: the app's first sync then brings everything that came since).
     */
    public static void signIn(Path profile, char[] passphrase, SynapseServer synapse, RegisteredUser agency,
            RegisteredUser worker) throws Exception {
        HomeserverUrl homeserver = HomeserverUrl.parse(synapse.baseUrl());
        try (Workstation ws = Workstation.unlock(profile, passphrase)) {
            Session session = ws.login(homeserver, agency.localpart(), agency.password());
            AgencyEngine engine = ws.engine(session, rooms -> { }, false);
            engine.syncOnce(Duration.ZERO);
            engine.syncOnce(Duration.ZERO);
            Workstation staff = ws.staffProfile();
            staff.login(homeserver, worker.localpart(), worker.password());
            staff.database().settings().put(SettingsRepository.STAFF_ROOM, SeededWorkstation.STAFF_ROOM);
        }
    }

    private static void progress(String line) {
        System.out.println("training homeserver: " + line);
        System.out.flush();
    }
}
