package de.amtsdesk.e2e.demo;

import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.HarnessPaths;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseServer;
import de.amtsdesk.e2e.harness.UnitLead;
import java.time.Duration;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * With {@code --lead} the demo caseworker is a team lead of the unit as well, and sees the lead desk (Ctrl+Shift+L).
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

    public static void main(String[] arguments) throws Exception {
        boolean asLead = List.of(arguments).contains("--lead");
        String[] args = Stream.of(arguments).filter(a -> !a.equals("--lead")).toArray(String[]::new);
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
        String caseworkerPassword = randomPassword();
        RegisteredUser caseworker = synapse.registerUser("sachbearbeitung", caseworkerPassword, "Sam Sachbearbeiter",
                false);
        RegisteredUser leadUser = synapse.registerUser("teamleitung", randomPassword(), "Tina Teamleitung", false);
        say("Lege den verschlüsselten Teamraum der Einheit an (Teamleitung) …");
        UnitLead lead = UnitLead.create(synapse, workDir.resolve("teamleitung"), leadUser, "Team Bürgeramt",
                asLead ? List.of(caseworker.userId()) : List.of(), asLead ? List.of() : List.of(caseworker.userId()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAtExit(lead), "demo-lead-shutdown"));

        List<RegisteredUser> accounts = new ArrayList<>();
        for (String[] citizen : CITIZENS) {
            RegisteredUser account = synapse.registerUser(citizen[0], randomPassword(), citizen[1], false);
            CitizenClient client = CitizenClient.start("demo-" + citizen[0], HarnessPaths.srcTestDir().resolve("citizen"),
                    workDir.resolve("citizen-" + citizen[0] + ".log"));
            citizens.add(client);
            accounts.add(account);
            client.login(synapse, account);
        }

        say("");
        say("Homeserver:  " + synapse.baseUrl());
        say("Behörde:     " + agency.localpart() + "  /  Passwort: " + agencyPassword);
        say("Passphrase:  " + DEMO_PASSPHRASE + " (Arbeitsplatz-Speicher)");
        say("Sachbearb.:  " + caseworker.userId() + "  /  Passwort: " + caseworkerPassword
                + (asLead ? "  (auch Teamleitung: Leitungsansicht mit Strg+Umschalt+L)" : ""));
        say("Teamraum:    " + lead.staffRoom());
        say("Starte Amtsdesk … (Strg+C beendet alles)");
        Process app = startApp(synapse.baseUrl(), agency.localpart(), agencyPassword,
                List.of(caseworker.userId(), caseworkerPassword, lead.staffRoom()), args);
        Thread templates = new Thread(() -> {
            try {
                lead.publishTemplatesOnceJoined(caseworker.userId(), Duration.ofMinutes(30));
                say("  Teamleitung hat die Antwortvorlagen veröffentlicht.");
            } catch (Exception e) {
                say("  Vorlagen nicht veröffentlicht: " + e.getMessage());
            }
        }, "demo-templates");
        templates.setDaemon(true);
        templates.start();

        // Citizens write once the agency's workstation exists as a device: only devices that exist when a message
        // is sent receive its key (later workstations read old messages through key backup).
        say("Warte auf die Anmeldung des Arbeitsplatzes (Passphrase und Anmeldung sind vorausgefüllt: Enter, Enter) …");
        if (waitForDevice(synapse.baseUrl(), accounts.get(0).accessToken(), agency.userId(), app)) {
            for (int i = 0; i < CITIZENS.size(); i++) {
                String[] citizen = CITIZENS.get(i);
                CitizenClient client = citizens.get(i);
                String roomId = client.createEncryptedRoom(List.of(agency.userId()), null, true);
                client.sendText(roomId, citizen[2]);
                if (citizen[0].equals("erika")) {
                    Path pdf = workDir.resolve("Meldebestaetigung-alt.pdf");
                    Files.writeString(pdf, "%PDF-1.4\n% Demo-Anhang von Erika Mustermann\n%%EOF\n");
                    client.sendFile(roomId, pdf, "application/pdf", "Meldebestaetigung-alt.pdf");
                }
                say("  " + citizen[1] + " schreibt an das Bürgeramt (" + roomId + ")");
            }
        }
        int exit = app.waitFor();
        say("Amtsdesk beendet (" + exit + "). Räume auf …");
        System.exit(exit);
    }

    /** Polls the server's device list of the agency account until a device has uploaded keys, or the app ended. */
    private static boolean waitForDevice(String baseUrl, String citizenToken, String agencyUser, Process app)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        String body = json.writeValueAsString(java.util.Map.of("device_keys", java.util.Map.of(agencyUser, List.of())));
        while (app.isAlive()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/_matrix/client/v3/keys/query")).header("Authorization", "Bearer " + citizenToken)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200
                    && !json.readTree(response.body()).path("device_keys").path(agencyUser).isEmpty()) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /**
     * The app runs as its own process, with the app's code exactly as a caseworker would start it, but through the
     * demo-only {@link DemoAppMain}: password and passphrase go down a pipe to its standard input (see there why
     * neither arguments, environment nor files).
     */
    private static Process startApp(String homeserver, String user, String password, List<String> staff,
            String[] extraArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dprism.order=sw", "-cp", System.getProperty("java.class.path"),
                DemoAppMain.class.getName(), "--homeserver=" + homeserver, "--user=" + user, "--lang=de",
                "--data-dir=" + HarnessPaths.cacheDir().resolve("demo").resolve("workstation")));
        command.addAll(List.of(extraArgs));
        Process app = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::destroy, "demo-app-shutdown"));
        try (Writer secrets = new OutputStreamWriter(app.getOutputStream(), StandardCharsets.UTF_8)) {
            secrets.write(password + "\n" + DEMO_PASSPHRASE + "\n" + String.join("\n", staff) + "\n");
        }
        return app;
    }

    /**
     * H2 closes its databases in a shutdown hook of its own, which may run first: the lead's fold checkpoint (a cache
     * the next start rebuilds from the staff log) is then not written, which is no reason for a stack trace.
     */
    private static void closeAtExit(UnitLead lead) {
        try {
            lead.close();
        } catch (RuntimeException e) {
            say("Teamleitung beim Beenden nicht sauber geschlossen (" + e.getMessage() + ").");
        }
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
