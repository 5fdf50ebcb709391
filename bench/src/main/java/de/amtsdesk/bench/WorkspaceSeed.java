package de.amtsdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.catalogue.PublicService;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.staff.CitizenRooms;
import de.amtsdesk.core.staff.StaffLogFold;
import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.IncomingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The seeded workstation of the workspace benchmark: a real data directory (vault with the recommended Argon2id
 * cost, the functional account's encrypted store with the citizen-room messages, the caseworker's staff profile
 * with the staff log, audit, search index, read markers and the checkpointed case-book snapshot), made once under
 * {@code ~/.cache/amtsdesk/bench-workspace} and reused while its marker file says it is the same seed.
 *
 * <p>10,000 cases arrive over six weeks before {@link #NOW}: typed from the bundled catalogue (one in ten still
 * untyped), most assigned by the lead to one of 20 caseworkers, notes and tags, some waiting for the citizen, a
 * fifth closed. Every citizen wrote first; half got an answer; a third wrote again. This workstation has shown
 * about 60 % of the rooms, so the rest count as unread.
 */
final class WorkspaceSeed {

    static final String PASSPHRASE = "korrekt Pferd Batterie Heftklammer 4711";
    static final String STAFF_ROOM = "!staff:amt.example";
    static final String LEAD = "@lead:amt.example";
    static final String FUNCTIONAL = "@amt:amt.example";
    static final String ME = "@worker3:amt.example";
    static final int CASES = 10_000;
    static final int WORKERS = 20;
    /** The benchmark's fixed "now": a Tuesday morning, the day after the last case came in. */
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final UnitConfig CONFIG = UnitConfig.defaults("AMT");
    /** Bump when the generator changes: an older seed directory is then made again. */
    private static final String VERSION = "3"; // 3: binary snapshot format 3 (schema 9)
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkspaceSeed() {
    }

    static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "amtsdesk", "bench-workspace");
    }

    /** Whether {@code dir} holds a complete seed of this version (the marker is written last). */
    static boolean valid(Path dir) {
        Path marker = dir.resolve("bench-seed.properties");
        if (!Files.isRegularFile(marker) || !Workstation.exists(dir)
                || !Workstation.hasProfile(dir, Workstation.STAFF_PROFILE)) {
            return false;
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(marker)) {
            p.load(in);
        } catch (IOException e) {
            return false;
        }
        return VERSION.equals(p.getProperty("version")) && String.valueOf(CASES).equals(p.getProperty("cases"));
    }

    /** Makes the seed (deleting an incomplete or outdated one); returns a one-line description. */
    static String ensure(Path dir) throws Exception {
        if (valid(dir)) {
            return "reused " + dir;
        }
        deleteTree(dir);
        Files.createDirectories(dir.getParent());
        long start = System.nanoTime();
        int staffEvents;
        int messages;
        int cases;
        try (Workstation ws = Workstation.create(dir, PASSPHRASE.toCharArray())) {
            Workstation staff = ws.staffProfile();
            Generated g = generate(new Random(2026));
            store(staff.database(), g.staff);
            store(ws.database(), g.messages);
            g.seen.forEach(staff.database().readMarkers()::markSeen);
            StaffLogFold fold = StaffLogFold.open(staff.database(), STAFF_ROOM, CONFIG,
                    CitizenRooms.of(ws.database(), FUNCTIONAL));
            fold.checkpointPolicy(Integer.MAX_VALUE, Duration.ofDays(365));
            StaffLogFold.Progress progress = fold.catchUp();
            fold.checkpoint();
            staffEvents = progress.staffEvents();
            messages = progress.citizenMessages();
            cases = fold.book().size();
            if (cases != CASES) {
                throw new IllegalStateException("seed folded " + cases + " cases, not " + CASES);
            }
        }
        Properties p = new Properties();
        p.setProperty("version", VERSION);
        p.setProperty("cases", String.valueOf(cases));
        p.setProperty("staffEvents", String.valueOf(staffEvents));
        p.setProperty("citizenMessages", String.valueOf(messages));
        try (var out = Files.newOutputStream(dir.resolve("bench-seed.properties"))) {
            p.store(out, "Amtsdesk workspace benchmark seed");
        }
        return String.format(Locale.ROOT, "made %s in %.0f s (%d staff-room events, %d citizen-room messages)", dir,
                (System.nanoTime() - start) / 1e9, staffEvents, messages);
    }

    /** The seed's own description from its marker file. */
    static String describe(Path dir) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(dir.resolve("bench-seed.properties"))) {
            p.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("cases") + " cases from " + p.getProperty("staffEvents") + " staff-room events, "
                + p.getProperty("citizenMessages") + " citizen-room messages";
    }

    private record Generated(List<IncomingEvent> staff, List<IncomingEvent> messages,
            java.util.Map<String, Instant> seen) {
    }

    private static Generated generate(Random random) {
        List<PublicService> services = ServiceCatalogue.bundled().services();
        List<IncomingEvent> staff = new ArrayList<>();
        List<IncomingEvent> messages = new ArrayList<>();
        java.util.Map<String, Instant> seen = new java.util.HashMap<>();
        List<String> workers = new ArrayList<>();
        long[] clock = {NOW.minus(Duration.ofDays(43)).toEpochMilli()};
        // The staff room's create event comes first in the store, as the engine's sync stores it.
        state(staff, clock, "m.room.create", "", LEAD, JSON.createObjectNode().put("room_version", "10")
                .put("creator", LEAD));
        member(staff, clock, LEAD, "Lena Lead");
        ObjectNode power = JSON.createObjectNode().put("users_default", 0);
        power.putObject("users").put(LEAD, 100);
        state(staff, clock, "m.room.power_levels", "", LEAD, power);
        String[] first = {"Anna", "Ben", "Clara", "David", "Emine", "Frank", "Gül", "Hannes", "Ida", "Jonas", "Katrin",
            "Lukas", "Mia", "Niklas", "Olga", "Paul", "Rita", "Stefan", "Tanja", "Uwe"};
        for (int i = 0; i < WORKERS; i++) {
            String user = "@worker" + i + ":amt.example";
            workers.add(user);
            member(staff, clock, user, first[i] + " Sachbearbeitung");
        }
        String[] surnames = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
            "Hoffmann", "Yılmaz", "Kowalski", "Nguyen", "Öztürk", "Schäfer", "Koch", "Richter", "Klein", "Wolf"};
        String[] given = {"Erika", "Max", "Ayşe", "Jan", "Sophie", "Mehmet", "Lea", "Tomasz", "Hanna", "Ali", "Marie",
            "Felix", "Zeynep", "Paul", "Greta", "Dmitri", "Lina", "Noah"};
        String[] asks = {"Ich habe eine Frage zu meinem Antrag auf %s.", "Welche Unterlagen brauchen Sie für %s?",
            "Wie lange dauert die Bearbeitung von %s ungefähr?", "Anbei die fehlenden Nachweise zu %s.",
            "Ich kann den Termin für %s leider nicht wahrnehmen."};
        String[] notes = {"Rückruf vereinbart, Unterlagen angefordert.", "Einkommensnachweis fehlt noch.",
            "Mietvertrag liegt vor, Prüfung läuft.", "Bürger telefonisch nicht erreicht, Mail geschickt.",
            "Vorgang mit Abteilung 2 abgestimmt.", "Frist verlängert auf Bitte des Bürgers."};
        long span = Duration.ofDays(42).toMillis();
        long base = clock[0] + 60_000;
        for (int i = 0; i < CASES; i++) {
            clock[0] = Math.max(clock[0], base + span * i / CASES);
            String room = "!citizen" + i + ":bund.example";
            String citizen = "@c" + i + ":bund.example";
            String name = given[random.nextInt(given.length)] + " " + surnames[random.nextInt(surnames.length)];
            PublicService service = services.get(random.nextInt(services.size()));
            String what = service.german();
            message(messages, clock, room, citizen, "Guten Tag, " + String.format(asks[random.nextInt(asks.length)],
                    what) + " Viele Grüße, " + name);
            String caseId = event(staff, clock, workers.get(random.nextInt(WORKERS)),
                    OutgoingStaffEvents.created(room, citizen, name));
            if (random.nextInt(10) != 0) {
                event(staff, clock, workers.get(random.nextInt(WORKERS)), OutgoingStaffEvents.typed(caseId, service.key()));
            }
            if (random.nextInt(100) < 80) {
                event(staff, clock, LEAD, OutgoingStaffEvents.assign(caseId, workers.get(random.nextInt(WORKERS))));
            }
            if (random.nextInt(100) < 55) {
                event(staff, clock, workers.get(random.nextInt(WORKERS)),
                        OutgoingStaffEvents.note(caseId, notes[random.nextInt(notes.length)] + " (" + what + ")"));
            }
            if (random.nextInt(100) < 40) {
                event(staff, clock, workers.get(random.nextInt(WORKERS)), OutgoingStaffEvents.tag(caseId,
                        List.of(List.of("eilig", "rückfrage", "vollständig", "härtefall", "dolmetscher", "papier")
                                .get(random.nextInt(6))), List.of()));
            }
            if (random.nextBoolean()) {
                message(messages, clock, room, FUNCTIONAL, "Sehr geehrte/r " + name + ", vielen Dank für Ihre "
                        + "Nachricht zu " + what + ". Wir melden uns in Kürze. Ihr Bürgeramt");
            }
            if (random.nextInt(100) < 60) {
                seen.put(room, Instant.ofEpochMilli(clock[0]));
            }
            int roll = random.nextInt(100);
            if (roll < 15) {
                event(staff, clock, workers.get(random.nextInt(WORKERS)),
                        OutgoingStaffEvents.status(caseId, CaseStatus.WAITING, "Unterlagen fehlen"));
            } else if (roll < 35) {
                event(staff, clock, workers.get(random.nextInt(WORKERS)),
                        OutgoingStaffEvents.status(caseId, CaseStatus.CLOSED, null));
            }
            if (random.nextInt(3) == 0) {
                message(messages, clock, room, citizen, "Nachtrag: " + String.format(asks[random.nextInt(asks.length)],
                        what));
            }
        }
        return new Generated(staff, messages, seen);
    }

    private static void store(AppDatabase db, List<IncomingEvent> events) {
        for (int i = 0; i < events.size(); i += 1000) {
            List<IncomingEvent> batch = events.subList(i, Math.min(events.size(), i + 1000));
            db.events().upsertAll(batch);
        }
    }

    private static void member(List<IncomingEvent> out, long[] clock, String user, String name) {
        state(out, clock, "m.room.member", user, user,
                JSON.createObjectNode().put("membership", "join").put("displayname", name));
    }

    private static void state(List<IncomingEvent> out, long[] clock, String type, String key, String sender,
            ObjectNode content) {
        String id = "$s" + out.size() + ":amt.example";
        long ts = clock[0] += 1_000;
        ObjectNode raw = JSON.createObjectNode().put("type", type).put("state_key", key).put("sender", sender)
                .put("event_id", id).put("origin_server_ts", ts);
        raw.set("content", content);
        out.add(IncomingEvent.plaintext(STAFF_ROOM, id, sender, ts, type, content.toString(), raw.toString()));
    }

    private static String event(List<IncomingEvent> out, long[] clock, String sender, OutgoingStaffEvents.Outgoing e) {
        String id = "$e" + out.size() + ":amt.example";
        long ts = clock[0] += 20_000;
        out.add(IncomingEvent.decrypted(STAFF_ROOM, id, sender, ts, e.type(), e.content().toString(),
                encryptedRaw(id, sender, ts), "s", null));
        return id;
    }

    private static void message(List<IncomingEvent> out, long[] clock, String room, String sender, String body) {
        String id = "$m" + out.size() + ":bund.example";
        long ts = clock[0] += 20_000;
        out.add(IncomingEvent.decrypted(room, id, sender, ts, "m.room.message",
                JSON.createObjectNode().put("msgtype", "m.text").put("body", body).toString(),
                encryptedRaw(id, sender, ts), "s", null));
    }

    private static String encryptedRaw(String id, String sender, long ts) {
        return "{\"type\":\"m.room.encrypted\",\"event_id\":\"" + id + "\",\"sender\":\"" + sender
                + "\",\"origin_server_ts\":" + ts + ",\"content\":{\"algorithm\":\"m.megolm.v1.aes-sha2\"}}";
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
