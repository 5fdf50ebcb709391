package de.amtsdesk.e2e.demo;

import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.HarnessPaths;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo: a local Synapse with the agency's functional account, two staff accounts and a few citizens who open
 * encrypted conversations from matrix-js-sdk, then the real app pointed at it. Ctrl+C (or closing the window)
 * stops everything (arguments such as {@code --lang=en} go to the app); shutdown hooks make sure no Synapse or node process is left behind.
 */
public final class DemoMain {

    /** Citizens and the first thing each of them writes. */
    private static final List<String[]> CITIZENS = List.of(
            new String[] {"erika", "Erika Mustermann", "Guten Tag, ich bin umgezogen und möchte meinen Wohnsitz ummelden."},
            new String[] {"max", "Max Müller", "Wann kann ich meinen neuen Personalausweis abholen?"},
            new String[] {"aylin", "Aylin Yılmaz", "Ich habe eine Frage zu meinem Wohngeldantrag vom 3. November."},
            new String[] {"jonas", "Jonas Schmidt", "Hallo, brauche ich für die Anmeldung meines Autos einen Termin?"},
            new String[] {"sophie", "Sophie Wagner", "Meine Tochter wurde geboren – wie beantrage ich die Geburtsurkunde?"});

    /** Prefilled on the unlock screen; a real workstation's passphrase is chosen by the caseworker. */
    private static final String DEMO_PASSPHRASE = "demo-passphrase-amtsdesk";

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Path workDir = HarnessPaths.cacheDir().resolve("demo");
        deleteRecursively(workDir);
        Files.createDirectories(workDir);

        say("Starte lokalen Synapse-Homeserver …");
        SynapseServer synapse = SynapseServer.start(workDir.resolve("synapse"));
        List<CitizenClient> citizens = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            citizens.forEach(CitizenClient::close);
            synapse.stop();
        }, "demo-shutdown"));

        String agencyPassword = randomPassword();
        RegisteredUser agency = synapse.registerUser("buergeramt", agencyPassword, "Bürgeramt Musterstadt", false);
        synapse.registerUser("sachbearbeitung", randomPassword(), "Sam Sachbearbeiter", false);
        synapse.registerUser("teamleitung", randomPassword(), "Tina Teamleitung", false);

        for (String[] citizen : CITIZENS) {
            RegisteredUser account = synapse.registerUser(citizen[0], randomPassword(), citizen[1], false);
            CitizenClient client = CitizenClient.start("demo-" + citizen[0], HarnessPaths.srcTestDir().resolve("citizen"),
                    workDir.resolve("citizen-" + citizen[0] + ".log"));
            citizens.add(client);
            client.login(synapse, account);
            String roomId = client.createEncryptedRoom(List.of(agency.userId()), null, true);
            client.sendText(roomId, citizen[2]);
            say("  " + citizen[1] + " schreibt an das Bürgeramt (" + roomId + ")");
        }

        say("");
        say("Homeserver:  " + synapse.baseUrl());
        say("Behörde:     " + agency.localpart() + "  /  Passwort: " + agencyPassword);
        say("Passphrase:  " + DEMO_PASSPHRASE + " (Arbeitsplatz-Speicher)");
        say("Starte Amtsdesk … (Strg+C beendet alles)");
        int exit = startApp(synapse.baseUrl(), agency.localpart(), agencyPassword, args);
        say("Amtsdesk beendet (" + exit + "). Räume auf …");
        System.exit(exit);
    }

    /** The app runs as its own process, exactly as a caseworker would start it; the password travels in the env. */
    private static int startApp(String homeserver, String user, String password, String[] extraArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dprism.order=sw", "-cp", System.getProperty("java.class.path"),
                "de.amtsdesk.app.Launcher", "--homeserver=" + homeserver, "--user=" + user, "--lang=de",
                "--data-dir=" + HarnessPaths.cacheDir().resolve("demo").resolve("workstation")));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("AMTSDESK_PASSWORD", password);
        builder.environment().put("AMTSDESK_PASSPHRASE", DEMO_PASSPHRASE);
        Process app = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::destroy, "demo-app-shutdown"));
        return app.waitFor();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        return "demo-" + HexFormat.of().formatHex(bytes);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
