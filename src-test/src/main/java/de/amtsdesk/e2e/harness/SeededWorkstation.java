package de.amtsdesk.e2e.harness;

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
import de.amtsdesk.core.store.SettingsRepository;
import de.amtsdesk.core.store.StoredAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A workstation profile with a unit's plausible history, written straight into the encrypted stores: the vault with
 * the recommended Argon2id cost, the functional account's store with the citizen-room messages, the caseworker's
 * staff profile with the staff log, audit, search index, read markers and the checkpointed case-book snapshot.
 * Used by the benchmarks (bench/) and by the app-image build, whose AOT cache is trained by one start through the
 * unlock screen to the queue of such a profile.
 *
 * <p>The cases arrive over six weeks before {@link #NOW}: typed from the bundled catalogue (one in ten still
 * untyped), most assigned by the lead to one of 20 caseworkers, notes and tags, some waiting for the citizen, a
 * fifth closed. Every citizen wrote first; half got an answer; a third wrote again. This workstation has shown
 * about 60 % of the rooms, so the rest count as unread.
 */
public final class SeededWorkstation {

    public static final String STAFF_ROOM = "!staff:amt.example";
    public static final String LEAD = "@lead:amt.example";
    public static final String FUNCTIONAL = "@amt:amt.example";
    public static final String ME = "@worker3:amt.example";
    public static final int WORKERS = 20;
    /** The benchmarks' fixed "now": a Tuesday morning, the day after the last case came in. */
    public static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    public static final UnitConfig CONFIG = UnitConfig.defaults("AMT");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeededWorkstation() {
    }

    /** What {@link #write} stored. */
    public record Written(int cases, int staffEvents, int citizenMessages) {
    }

    /** Writes a new profile with {@code cases} cases into {@code dir} (which must not hold one yet). */
    public static Written write(Path dir, char[] passphrase, int cases) throws Exception {
        try (Workstation ws = Workstation.create(dir, passphrase)) {
            Workstation staff = ws.staffProfile();
            Generated g = generate(new Random(2026), cases);
            store(staff.database(), g.staff);
            store(ws.database(), g.messages);
            g.seen.forEach(staff.database().readMarkers()::markSeen);
            StaffLogFold fold = StaffLogFold.open(staff.database(), STAFF_ROOM, CONFIG,
                    CitizenRooms.of(ws.database(), FUNCTIONAL));
            fold.checkpointPolicy(Integer.MAX_VALUE, Duration.ofDays(365));
            StaffLogFold.Progress progress = fold.catchUp();
            fold.checkpoint();
            if (fold.book().size() != cases) {
                throw new IllegalStateException("seed folded " + fold.book().size() + " cases, not " + cases);
            }
            return new Written(cases, progress.staffEvents(), progress.citizenMessages());
        }
    }

    /**
     * Stores sessions of the functional account and the caseworker as if both had signed in on {@code homeserver}
     * (device IDs and tokens made up): the app then goes from the unlock screen straight to the queue. With a
     * homeserver nobody answers on, the engines keep retrying while the queue shows what the stores hold.
     */
    public static void signInOffline(Path dir, char[] passphrase, String homeserver) throws Exception {
        try (Workstation ws = Workstation.unlock(dir, passphrase)) {
            ws.database().accounts().save(new StoredAccount(homeserver, FUNCTIONAL, "TRAININGAMT", "offline-token",
                    null));
            Workstation staff = ws.staffProfile();
            staff.database().accounts().save(new StoredAccount(homeserver, ME, "TRAININGSTAFF", "offline-token",
                    null));
            staff.database().settings().put(SettingsRepository.STAFF_ROOM, STAFF_ROOM);
        }
    }

    /**
     * {@code SeededWorkstation DIR CASES}: a profile for the app-image's AOT training, signed in offline; the
     * passphrase comes from the environment variable {@code AMTSDESK_SEED_PASSPHRASE} (never from the command line).
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SeededWorkstation DIR CASES");
        }
        String passphrase = System.getenv("AMTSDESK_SEED_PASSPHRASE");
        if (passphrase == null || passphrase.isBlank()) {
            throw new IllegalArgumentException("AMTSDESK_SEED_PASSPHRASE is not set");
        }
        Path dir = Path.of(args[0]);
        if (Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " exists already");
        }
        Written written = write(dir, passphrase.toCharArray(), Integer.parseInt(args[1]));
        signInOffline(dir, passphrase.toCharArray(), "http://127.0.0.1:9");
        System.out.println("seeded " + dir + ": " + written);
        System.exit(0);
    }

    private record Generated(List<IncomingEvent> staff, List<IncomingEvent> messages,
            java.util.Map<String, Instant> seen) {
    }

    private static Generated generate(Random random, int cases) {
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
        for (int i = 0; i < cases; i++) {
            clock[0] = Math.max(clock[0], base + span * i / cases);
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

}
