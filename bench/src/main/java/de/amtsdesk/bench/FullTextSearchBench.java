package de.amtsdesk.bench;

import de.amtsdesk.core.staff.SearchIndex;
import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.Argon2idParameters;
import de.amtsdesk.core.store.CompactionPolicy;
import de.amtsdesk.core.store.StoreFileStatistics;
import de.amtsdesk.core.store.UnlockedVault;
import de.amtsdesk.core.store.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Full-text search over the encrypted local store (issue 4): 10,000 cases × 20 messages of German conversation
 * text (plus one internal note per case), written straight into the encrypted H2 database through
 * {@link SearchIndex}, then queries of different selectivity, each run many times; reports the median per query
 * and over all queries. Results go to bench/results/full-text-search.txt.
 */
public final class FullTextSearchBench {

    private static final String[] COMMON = ("ich sie der die das und nicht mit für ein eine bitte danke guten tag "
            + "antrag wohngeld bescheid unterlagen frist termin mietvertrag einkommen nachweis formular rückfrage "
            + "kindergeld elterngeld ausweis reisepass anmeldung wohnung vermieter arbeitgeber lohnabrechnung konto "
            + "zahlung monat januar februar märz april mai juni juli august september oktober november dezember "
            + "eingang bearbeitung prüfung weiterleitung zuständig erhalten gesendet anbei freundlichen grüßen "
            + "sehr geehrte damen herren frau herr wann wie lange noch fehlt fehlen vollständig unvollständig "
            + "widerspruch rechtsbehelf aktenzeichen postfach straße hausnummer telefon rückruf dringend").split(" ");
    private static final String[] SURNAMES = ("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz "
            + "Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger "
            + "Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler "
            + "Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert "
            + "Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht "
            + "Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß "
            + "Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn "
            + "Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Kowalczyk Yılmaz Nowak Popescu").split(" ");

    private FullTextSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int cases = 10_000;
        int messagesPerCase = 20;
        int runs = 50;
        int casesPerTransaction = 25; // 525 documents: about one fold chunk (500 events)
        Path results = Path.of("bench/results/full-text-search.txt");
        for (String arg : args) {
            if (arg.startsWith("--cases=")) {
                cases = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--cases-per-transaction=")) {
                casesPerTransaction = Integer.parseInt(arg.substring(24));
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            }
        }
        String load = BenchMachine.loadAverage();
        Path dir = Files.createTempDirectory("amtsdesk-fts-bench");
        try (UnlockedVault vault = Vault.create(dir, "bench passphrase 4711".toCharArray(),
                Argon2idParameters.MINIMUM)) {
            AppDatabase db = AppDatabase.open(vault);
            SearchIndex index = new SearchIndex(db);
            Random random = new Random(2026);
            long start = System.nanoTime();
            Instant t = Instant.parse("2026-01-05T08:00:00Z");
            for (int first = 0; first < cases; first += casesPerTransaction) {
                int from = first;
                int to = Math.min(cases, first + casesPerTransaction);
                db.inTransaction(() -> {
                    for (int caseNo = from; caseNo < to; caseNo++) {
                    Instant at = t.plusSeconds(caseNo * 600L);
                    String room = "!room" + caseNo + ":amt.example";
                    String surname = SURNAMES[random.nextInt(SURNAMES.length)] + (caseNo % 97 == 0 ? "-Kowalczyk" : "");
                    for (int m = 0; m < messagesPerCase; m++) {
                        String sender = m % 2 == 0 ? "@citizen" + caseNo + ":bund.example" : "@amt:amt.example";
                        index.addMessage("$m" + caseNo + "-" + m + ":amt.example", room, sender, at.plusSeconds(m * 60L),
                                sentence(random, surname, caseNo));
                    }
                    index.addNote("$n" + caseNo + ":amt.example", room, "$case" + caseNo, "@anna:amt.example",
                            at.plusSeconds(3600), "Notiz: " + sentence(random, surname, caseNo));
                    }
                    return null;
                });
                if (to % 1000 == 0) {
                    System.out.printf("indexed %d cases (%d documents) in %.1f s%n", to,
                            (long) to * (messagesPerCase + 1), (System.nanoTime() - start) / 1e9);
                }
            }
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            long documents = index.size();
            Path file = dir.resolve("amtsdesk.mv.db");
            StoreFileStatistics built = db.fileStatistics();

            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("surname", "kowalczyk");
            queries.put("surname prefix", "kowal");
            queries.put("case number", "az-4711");
            queries.put("two words", "wohngeld bescheid");
            queries.put("common word", "antrag");
            queries.put("name and word", "müller mietvertrag");
            queries.put("short common prefix", "an");
            queries.put("no hit", "xylophon");
            Map<String, double[]> medians = new LinkedHashMap<>();
            List<Double> all = new ArrayList<>();
            for (var q : queries.entrySet()) {
                for (int i = 0; i < 10; i++) {
                    index.search(q.getValue(), 50, room -> null);
                }
                List<Double> millis = new ArrayList<>();
                int hits = 0;
                for (int i = 0; i < runs; i++) {
                    long s = System.nanoTime();
                    hits = index.search(q.getValue(), 50, room -> null).size();
                    double ms = (System.nanoTime() - s) / 1e6;
                    millis.add(ms);
                    all.add(ms);
                }
                medians.put(q.getKey(), new double[] {median(millis), hits, percentile(millis, 0.95)});
                System.out.printf("%-20s %-22s median %.2f ms (p95 %.2f), %d hits (limit 50)%n", q.getKey(),
                        "\"" + q.getValue() + "\"", median(millis), percentile(millis, 0.95), hits);
            }
            // File growth (issue 11): what a plain close leaves, then what the exit's compaction makes of it.
            db.close();
            long afterPlainClose = Files.size(file);
            AppDatabase reopenedDb = AppDatabase.open(vault);
            StoreFileStatistics reopened = reopenedDb.fileStatistics();
            long compactStart = System.nanoTime();
            long compacted = reopenedDb.close(CompactionPolicy.AT_EXIT);
            double compactSeconds = (System.nanoTime() - compactStart) / 1e9;
            int hitsAfterCompaction;
            try (AppDatabase compactedDb = AppDatabase.open(vault)) {
                hitsAfterCompaction = new SearchIndex(compactedDb).search("kowalczyk", 50, room -> null).size();
            }

            StringBuilder report = new StringBuilder();
            report.append("# Amtsdesk full-text search over the encrypted store (FullTextSearchBench)\n");
            report.append(BenchMachine.header(load));
            report.append("store: H2 CIPHER=AES, WRITE_DELAY=0 (tables search_document/search_term), own inverted index,"
                    + " prefix match per word, AND across words, newest 50 first\n");
            report.append(String.format("cases: %d, messages per case: %d, plus one note per case: %d documents%n",
                    cases, messagesPerCase, documents));
            report.append(String.format("index-build-seconds: %.1f (%.0f documents/s, %d case(s) per transaction)%n",
                    indexSeconds, documents / indexSeconds, casesPerTransaction));
            report.append(String.format("database-file-bytes: %d (after the index build; chunks %d %% live,"
                    + " live data ~%d MB)%n", built.fileBytes(), built.chunkFillPercent(),
                    built.liveBytesEstimate() >> 20));
            report.append(String.format("database-file-bytes-after-plain-close: %d (chunks %d %% live on reopening)%n",
                    afterPlainClose, reopened.chunkFillPercent()));
            report.append(String.format("database-file-bytes-after-exit-compaction: %d (%.1f s; policy: file >= %d MiB"
                    + " and >= %d %% reclaimable; search after it: %d hits)%n", compacted, compactSeconds,
                    CompactionPolicy.AT_EXIT.minimumFileBytes() >> 20,
                    CompactionPolicy.AT_EXIT.minimumReclaimablePercent(), hitsAfterCompaction));
            report.append("runs-per-query: ").append(runs).append(" (after 10 warm-up runs)\n");
            medians.forEach((name, m) -> report.append(String.format("search-median-ms[%s, \"%s\", %d hits]: %.2f"
                    + " (p95 %.2f)%n", name, queries.get(name), (int) m[1], m[0], m[2])));
            report.append(String.format("search-median-ms[all queries]: %.2f%n", median(all)));
            report.append("target: < 100 ms median\n");
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, report.toString());
            System.out.print(report);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String sentence(Random random, String surname, int caseNo) {
        StringBuilder s = new StringBuilder();
        int words = 8 + random.nextInt(20);
        for (int i = 0; i < words; i++) {
            // Zipf-like: low indexes (function words) far more often than the rest.
            int index = (int) Math.min(COMMON.length - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * COMMON.length));
            s.append(COMMON[index]).append(' ');
            if (random.nextInt(25) == 0) {
                s.append(surname).append(' ');
            }
            if (random.nextInt(40) == 0) {
                s.append("AZ-").append(1000 + caseNo % 9000).append(' ');
            }
        }
        return s.toString().strip();
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int at = (int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()));
        return sorted.get(at);
    }
}
