package de.amtsdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.staff.StaffLogFold;
import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.Argon2idParameters;
import de.amtsdesk.core.store.IncomingEvent;
import de.amtsdesk.core.store.UnlockedVault;
import de.amtsdesk.core.store.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Folding the staff log into the encrypted store (issue 4): 100,000 staff-room events stored as the engine's sync
 * stores them (decrypted case events, plaintext membership and power levels), then folded by {@link StaffLogFold}
 * into the book with the audit trail in H2, the notes in the search index and a final snapshot; then a restart
 * that restores the snapshot. Results go to bench/results/staff-log-store.txt.
 */
public final class StaffLogStoreBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOM = "!staff:amt.example";
    private static final String LEAD = "@lead:amt.example";

    private StaffLogStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = 100_000;
        Path results = Path.of("bench/results/staff-log-store.txt");
        for (String arg : args) {
            if (arg.startsWith("--events=")) {
                events = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            }
        }
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        Path dir = Files.createTempDirectory("amtsdesk-staff-log-bench");
        try {
            List<IncomingEvent> log = generate(events, new Random(2026));
            UnitConfig config = UnitConfig.defaults("BA");
            double foldSeconds;
            double checkpointMillis;
            long auditEntries;
            long notes;
            int cases;
            try (UnlockedVault vault = Vault.create(dir, "bench passphrase 4711".toCharArray(),
                    Argon2idParameters.MINIMUM); AppDatabase db = AppDatabase.open(vault)) {
                for (int i = 0; i < log.size(); i += 1000) {
                    db.events().upsertAll(log.subList(i, Math.min(log.size(), i + 1000)));
                }
                System.out.printf("stored %d staff-room events%n", log.size());
                StaffLogFold fold = StaffLogFold.open(db, ROOM, config, null);
                fold.checkpointPolicy(Integer.MAX_VALUE, java.time.Duration.ofDays(1));
                long start = System.nanoTime();
                StaffLogFold.Progress progress = fold.catchUp();
                foldSeconds = (System.nanoTime() - start) / 1e9;
                long cp = System.nanoTime();
                fold.checkpoint();
                checkpointMillis = (System.nanoTime() - cp) / 1e6;
                auditEntries = fold.audit().size();
                notes = fold.searchIndex().size();
                cases = fold.book().size();
                System.out.printf("folded %d events in %.1f s; checkpoint %.0f ms%n", progress.staffEvents(),
                        foldSeconds, checkpointMillis);
            }
            double restoreMillis;
            int restoredCases;
            try (UnlockedVault vault = Vault.unlock(dir, "bench passphrase 4711".toCharArray());
                    AppDatabase db = AppDatabase.open(vault)) {
                long start = System.nanoTime();
                StaffLogFold fold = StaffLogFold.open(db, ROOM, config, null);
                StaffLogFold.Progress progress = fold.catchUp();
                restoreMillis = (System.nanoTime() - start) / 1e6;
                restoredCases = fold.book().size();
                if (progress.staffEvents() != 0 || restoredCases != cases) {
                    throw new IllegalStateException("restart did not resume from the snapshot");
                }
            }
            String report = String.format("""
                    # Amtsdesk staff log folded into the encrypted store (StaffLogStoreBench)
                    %s
                    staff-room-events: %d (stored as the engine stores them; cases: %d)
                    fold-into-store-seconds: %.1f (audit entries %d and %d notes indexed in H2, one transaction per 500 events)
                    fold-into-store-events-per-second: %.0f
                    checkpoint-ms: %.0f (snapshot of the whole book as JSON)
                    restart-ms: %.0f (unlock excluded: open the fold, restore %d cases from the snapshot, find nothing new)
                    """, BenchMachine.header(load).strip(), log.size(), cases, foldSeconds, auditEntries,
                    notes, log.size() / foldSeconds, checkpointMillis, restoreMillis, restoredCases);
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, report);
            System.out.print(report);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Members, then cases: created, typed, assigned, noted, tagged, parked and closed or reopened. */
    private static List<IncomingEvent> generate(int total, Random random) {
        List<IncomingEvent> out = new ArrayList<>();
        long[] clock = {Instant.parse("2026-01-05T07:00:00Z").toEpochMilli()};
        List<String> staff = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            staff.add("@caseworker" + i + ":amt.example");
        }
        member(out, clock, LEAD);
        ObjectNode power = JSON.createObjectNode().put("users_default", 0);
        power.putObject("users").put(LEAD, 100);
        state(out, clock, "m.room.power_levels", "", LEAD, power);
        staff.forEach(s -> member(out, clock, s));
        List<String> open = new ArrayList<>();
        int n = 0;
        while (out.size() < total) {
            String by = staff.get(random.nextInt(staff.size()));
            int roll = random.nextInt(100);
            if (open.isEmpty() || roll < 10) {
                String id = event(out, clock, by, OutgoingStaffEvents.created("!citizen" + (n++) + ":amt.example",
                        "@citizen" + n + ":bund.example", "Bürger " + n));
                open.add(id);
                continue;
            }
            String c = open.get(random.nextInt(open.size()));
            if (roll < 25) {
                event(out, clock, by, OutgoingStaffEvents.typed(c, "housing.wohngeld.apply"));
            } else if (roll < 40) {
                event(out, clock, LEAD, OutgoingStaffEvents.assign(c, staff.get(random.nextInt(staff.size()))));
            } else if (roll < 60) {
                event(out, clock, by, OutgoingStaffEvents.note(c, "Notiz " + random.nextInt(1_000_000)
                        + ": Unterlagen geprüft, Rückruf vereinbart"));
            } else if (roll < 75) {
                event(out, clock, by, OutgoingStaffEvents.tag(c, List.of("t" + random.nextInt(30)), List.of()));
            } else if (roll < 88) {
                event(out, clock, by, OutgoingStaffEvents.status(c, CaseStatus.WAITING, "fehlt"));
            } else if (roll < 95) {
                event(out, clock, by, OutgoingStaffEvents.status(c, CaseStatus.CLOSED, null));
            } else {
                // Some rejected ones: a caseworker reassigning.
                event(out, clock, by, OutgoingStaffEvents.assign(c, LEAD));
            }
        }
        return out;
    }

    private static void member(List<IncomingEvent> out, long[] clock, String user) {
        state(out, clock, "m.room.member", user, user, JSON.createObjectNode().put("membership", "join"));
    }

    private static void state(List<IncomingEvent> out, long[] clock, String type, String key, String sender,
            ObjectNode content) {
        String id = "$s" + out.size() + ":amt.example";
        long ts = clock[0] += 30_000;
        ObjectNode raw = JSON.createObjectNode().put("type", type).put("state_key", key).put("sender", sender)
                .put("event_id", id).put("origin_server_ts", ts);
        raw.set("content", content);
        out.add(IncomingEvent.plaintext(ROOM, id, sender, ts, type, content.toString(), raw.toString()));
    }

    private static String event(List<IncomingEvent> out, long[] clock, String sender, OutgoingStaffEvents.Outgoing e) {
        String id = "$e" + out.size() + ":amt.example";
        long ts = clock[0] += 30_000;
        String raw = "{\"type\":\"m.room.encrypted\",\"event_id\":\"" + id + "\",\"sender\":\"" + sender
                + "\",\"origin_server_ts\":" + ts + ",\"content\":{\"algorithm\":\"m.megolm.v1.aes-sha2\"}}";
        out.add(IncomingEvent.decrypted(ROOM, id, sender, ts, e.type(), e.content().toString(), raw, "s", null));
        return id;
    }
}
