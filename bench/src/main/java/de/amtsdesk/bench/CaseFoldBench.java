package de.amtsdesk.bench;

import de.amtsdesk.core.cases.CaseLog;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.catalogue.PublicService;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.cases.log.CitizenActivity;
import de.amtsdesk.core.cases.log.FoldInput;
import de.amtsdesk.core.cases.log.PowerLevels;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffMembership;
import de.amtsdesk.core.cases.log.StaffPowerLevels;
import de.amtsdesk.core.cases.query.CaseFilter;
import de.amtsdesk.core.cases.query.CaseQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Case model speed: folds a generated staff log of 100,000 case events (10,000 cases, created, typed,
 * assigned, noted, tagged, parked and closed or reopened, plus citizen and agency messages) into a fresh book,
 * several times, and reports events per second; then runs filtered queue queries over the 10,000 cases and
 * reports the median. Results go to bench/results/case-model.txt.
 */
public final class CaseFoldBench {

    private static final String LEAD = "@lead:amt.example";

    /** Other work on the machine skews the figures; the report says how busy it was. */
    private static final String LOAD_AT_START = BenchMachine.loadAverage();

    private CaseFoldBench() {
    }

    public static void main(String[] args) throws Exception {
        int staffEvents = 100_000;
        int foldRuns = 7;
        int queryRuns = 50;
        Path results = Path.of("bench/results/case-model.txt");
        for (String arg : args) {
            if (arg.startsWith("--events=")) {
                staffEvents = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            }
        }
        Workload workload = generate(staffEvents, new Random(2026));
        System.out.printf("generated %d staff events (%d cases) + %d citizen-room messages%n",
                workload.staffEvents, workload.cases, workload.inputs.size() - workload.staffEvents);

        // Warm up the JIT on two full folds, then measure.
        for (int i = 0; i < 2; i++) {
            fold(workload.inputs);
        }
        List<Double> staffPerSecond = new ArrayList<>();
        List<Double> foldMillis = new ArrayList<>();
        Folded folded = null;
        for (int i = 0; i < foldRuns; i++) {
            long start = System.nanoTime();
            folded = fold(workload.inputs);
            double seconds = (System.nanoTime() - start) / 1e9;
            foldMillis.add(seconds * 1000);
            staffPerSecond.add(workload.staffEvents / seconds);
            System.out.printf("fold run %d: %.0f ms, %.0f staff events/s%n", i + 1, seconds * 1000,
                    workload.staffEvents / seconds);
        }

        CaseQueries queries = new CaseQueries(folded.log().book());
        Instant now = workload.end;
        String me = workload.caseworkers.get(3);
        Map<String, Double> queryMedians = new HashMap<>();
        Map<String, Integer> queryHits = new HashMap<>();
        for (CaseFilter filter : List.of(CaseFilter.MINE, CaseFilter.OVERDUE, CaseFilter.UNASSIGNED, CaseFilter.ACTIVE)) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 20 + queryRuns; i++) {
                long start = System.nanoTime();
                int hits = queries.queue(filter, me, now).stream().mapToInt(g -> g.count()).sum();
                if (i >= 20) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                queryHits.put(filter.name(), hits);
            }
            queryMedians.put(filter.name(), median(millis));
        }
        List<Double> workloadMillis = new ArrayList<>();
        for (int i = 0; i < 20 + queryRuns; i++) {
            long start = System.nanoTime();
            queries.workload(now);
            if (i >= 20) {
                workloadMillis.add((System.nanoTime() - start) / 1e6);
            }
        }

        String report = String.format(java.util.Locale.ROOT, """
                # Amtsdesk case model (%s)
                %s
                staff-events: %d (cases: %d; plus %d citizen-room messages folded alongside)
                audit-entries-per-fold: %d
                fold-runs: %d (after 2 warm-up folds)
                fold-ms: %s
                fold-staff-events-per-second-median: %.0f
                queue-query-cases: %d
                queue-query-runs: %d (after 20 warm-up runs)
                queue-query-median-ms[MINE, %d hits]: %.3f
                queue-query-median-ms[OVERDUE, %d hits]: %.3f
                queue-query-median-ms[UNASSIGNED, %d hits]: %.3f
                queue-query-median-ms[ACTIVE, %d hits]: %.3f
                workload-query-median-ms: %.3f
                full-text-search: not measured here (needs the encrypted store's index; comes with the store)
                """, CaseFoldBench.class.getSimpleName(), BenchMachine.header(LOAD_AT_START).strip(),
                workload.staffEvents, workload.cases, workload.inputs.size() - workload.staffEvents,
                folded.audit().size(), foldRuns,
                foldMillis.stream().map(m -> String.format(java.util.Locale.ROOT, "%.0f", m)).toList(),
                median(staffPerSecond), folded.log().book().size(), queryRuns,
                queryHits.get("MINE"), queryMedians.get("MINE"), queryHits.get("OVERDUE"), queryMedians.get("OVERDUE"),
                queryHits.get("UNASSIGNED"), queryMedians.get("UNASSIGNED"), queryHits.get("ACTIVE"),
                queryMedians.get("ACTIVE"), median(workloadMillis));
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, report);
        System.out.print(report);
    }

    private record Folded(CaseLog log, InMemoryAuditLog audit) {
    }

    private static Folded fold(List<FoldInput> inputs) {
        InMemoryAuditLog audit = new InMemoryAuditLog();
        CaseLog log = new CaseLog(UnitConfig.defaults("BA"), audit);
        log.applyAll(inputs);
        return new Folded(log, audit);
    }

    private record Workload(List<FoldInput> inputs, int staffEvents, int cases, List<String> caseworkers, Instant end) {
    }

    /**
     * A year of a unit's work: cases arrive through 2026 in office hours; each gets typed, assigned by the lead
     * or taken, a note and a tag, may wait for the citizen, and most get closed; some are reopened by a message.
     */
    private static Workload generate(int target, Random random) {
        List<PublicService> services = ServiceCatalogue.bundled().services();
        List<FoldInput> inputs = new ArrayList<>();
        List<String> caseworkers = new ArrayList<>();
        Instant t = Instant.parse("2026-01-05T07:00:00Z");
        int[] counter = {0};
        inputs.add(new StaffMembership(id(counter), LEAD, true, "Lena Lead", t));
        Map<String, Integer> levels = new HashMap<>(Map.of(LEAD, 100));
        inputs.add(new StaffPowerLevels(id(counter), LEAD, new PowerLevels(levels, 0, Map.of()), t));
        for (int i = 0; i < 20; i++) {
            String user = "@worker" + i + ":amt.example";
            caseworkers.add(user);
            inputs.add(new StaffMembership(id(counter), user, true, "Sachbearbeitung " + i, t));
        }
        int staff = inputs.size();
        int cases = 0;
        List<String> open = new ArrayList<>();
        Map<String, String> roomOf = new HashMap<>();
        while (staff < target) {
            t = t.plus(Duration.ofSeconds(30 + random.nextInt(570)));
            int dice = random.nextInt(100);
            if (dice < 10 && cases < 10_000 || open.isEmpty()) {
                String room = "!citizen" + cases + ":bund.example";
                inputs.add(new CitizenActivity(id(counter), room, "@c" + cases + ":bund.example",
                        CitizenActivity.Direction.FROM_CITIZEN, t.minusSeconds(30)));
                String caseId = add(inputs, counter, caseworkers.get(random.nextInt(20)), t,
                        OutgoingStaffEvents.created(room, "@c" + cases + ":bund.example", "Bürger " + cases));
                roomOf.put(caseId, room);
                open.add(caseId);
                cases++;
                staff++;
                continue;
            }
            String caseId = open.get(random.nextInt(open.size()));
            String worker = caseworkers.get(random.nextInt(20));
            OutgoingStaffEvents.Outgoing event;
            if (dice < 22) {
                event = OutgoingStaffEvents.typed(caseId, services.get(random.nextInt(services.size())).key());
            } else if (dice < 32) {
                event = OutgoingStaffEvents.assign(caseId, worker);
                worker = random.nextInt(3) == 0 ? worker : LEAD;
            } else if (dice < 34) {
                List<String> bulk = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    bulk.add(open.get(random.nextInt(open.size())));
                }
                event = OutgoingStaffEvents.bulkAssign(bulk.stream().distinct().toList(), worker);
                worker = LEAD;
            } else if (dice < 54) {
                event = OutgoingStaffEvents.note(caseId, "Vermerk " + staff + ": Rückruf vereinbart, Unterlagen angefordert.");
            } else if (dice < 64) {
                event = OutgoingStaffEvents.tag(caseId, List.of("tag" + random.nextInt(8)), List.of());
            } else if (dice < 76) {
                event = OutgoingStaffEvents.status(caseId, CaseStatus.WAITING, null);
            } else if (dice < 79) {
                event = OutgoingStaffEvents.status(caseId, CaseStatus.OPEN, null);
            } else if (dice < 85) {
                event = OutgoingStaffEvents.status(caseId, CaseStatus.CLOSED, null);
                if (random.nextInt(4) != 0) {
                    open.remove(caseId);
                }
            } else {
                // Citizen-room traffic folded alongside: an answer from the agency or a new message.
                inputs.add(new CitizenActivity(id(counter), roomOf.get(caseId), "@x:bund.example",
                        random.nextBoolean() ? CitizenActivity.Direction.FROM_AGENCY
                                : CitizenActivity.Direction.FROM_CITIZEN, t));
                continue;
            }
            add(inputs, counter, worker, t, event);
            staff++;
        }
        return new Workload(inputs, staff, cases, caseworkers, t);
    }

    private static String add(List<FoldInput> inputs, int[] counter, String sender, Instant at,
            OutgoingStaffEvents.Outgoing event) {
        String eventId = id(counter);
        inputs.add(new StaffEvent(eventId, event.type(), sender, at, event.content()));
        return eventId;
    }

    private static String id(int[] counter) {
        return "$e" + (++counter[0]) + ":amt.example";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
