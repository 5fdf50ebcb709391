package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.BEN;
import static de.amtsdesk.core.cases.StaffLog.LEAD;
import static de.amtsdesk.core.cases.StaffLog.LEAD2;
import static de.amtsdesk.core.cases.StaffLog.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.log.CitizenActivity;
import de.amtsdesk.core.cases.log.FoldInput;
import de.amtsdesk.core.cases.log.StaffEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients see the staff log in the same order but citizen-room activity interleaved differently. They must end
 * with the same cases and take the same accept/reject decision on every staff event.
 */
class DeterminismTest {

    private static final List<String> SENDERS = List.of(LEAD, LEAD2, ANNA, BEN, OUTSIDER);
    private static final List<String> TYPES = List.of("housing.wohngeld.apply", "identity.id-card.apply",
            "emergency.crime.report", "social.citizens-income.apply");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void everyClientEndsInTheSameState(long seed) {
        Random random = new Random(seed);
        StaffLog log = StaffLog.startingAt("2026-12-01T08:00").withStandardRoom();
        List<String> rooms = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            randomStep(log, random, rooms, cases);
        }
        List<FoldInput> staffOrder = log.inputs().stream().filter(in -> !(in instanceof CitizenActivity)).toList();
        List<FoldInput> citizen = new ArrayList<>(log.inputs().stream().filter(CitizenActivity.class::isInstance).toList());

        InMemoryAuditLog auditA = new InMemoryAuditLog();
        CaseLog clientA = new CaseLog(UnitConfig.defaults("BA"), auditA);
        clientA.applyAll(log.inputs());

        // Client B: every citizen message arrives late and in reverse order, the last ones after the whole staff log.
        Collections.reverse(citizen);
        List<FoldInput> mixed = new ArrayList<>(staffOrder);
        for (int i = 0; i < citizen.size(); i++) {
            mixed.add(Math.min(mixed.size(), random.nextInt(mixed.size() + 1)), citizen.get(i));
        }
        List<FoldInput> keptStaffOrder = new ArrayList<>(mixed.stream().filter(in -> !(in instanceof CitizenActivity)).toList());
        assertThat(keptStaffOrder).isEqualTo(staffOrder);
        InMemoryAuditLog auditB = new InMemoryAuditLog();
        CaseLog clientB = new CaseLog(UnitConfig.defaults("BA"), auditB);
        clientB.applyAll(mixed);

        assertThat(clientB.book().cases()).isEqualTo(clientA.book().cases());
        assertThat(clientB.book().templates().all()).isEqualTo(clientA.book().templates().all());
        assertThat(decisions(auditB)).isEqualTo(decisions(auditA));
        assertThat(decisions(auditA)).anyMatch(d -> d.contains(" REJECTED ")).anyMatch(d -> d.endsWith(" APPLIED"));
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void garbageNeverEscapesAsAnException(long seed) {
        Random random = new Random(seed);
        StaffLog log = StaffLog.startingAt("2026-12-01T08:00").withStandardRoom();
        String caseId = log.created(ANNA, "!room:amt.example");
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
        fold.applyAll(log.inputs());
        List<String> fields = List.of("v", "case", "cases", "type", "status", "assignee", "text", "add", "remove",
                "room", "citizen", "id", "lang", "caseType", "version", "title", "body", "sla", "unit", "referencePattern");
        for (int i = 0; i < 3000; i++) {
            ObjectNode content = JsonNodeFactory.instance.objectNode();
            for (String field : fields) {
                if (random.nextInt(3) == 0) {
                    content.set(field, randomValue(random, caseId));
                }
            }
            String type = "de.amtsdesk.case." + List.of("created", "typed", "status", "assigned", "note", "tagged",
                    "policy", "template", "x").get(random.nextInt(9));
            StaffEvent event = new StaffEvent("$g" + i, type, SENDERS.get(random.nextInt(SENDERS.size())),
                    log.now().plus(Duration.ofMinutes(i)), content);
            assertThatCode(() -> assertThat(fold.apply(event)).isNotNull()).doesNotThrowAnyException();
        }
        assertThat(fold.book().find(caseId)).isPresent();
    }

    private static com.fasterxml.jackson.databind.JsonNode randomValue(Random random, String caseId) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> json.numberNode(random.nextInt(4) - 1);
            case 1 -> json.textNode(caseId);
            case 2 -> json.textNode("open");
            case 3 -> json.nullNode();
            case 4 -> json.arrayNode().add(caseId).add(random.nextInt());
            case 5 -> json.objectNode().put("v", 1);
            case 6 -> json.textNode("@anna:amt.example");
            case 7 -> json.booleanNode(random.nextBoolean());
            default -> json.textNode("x".repeat(random.nextInt(300)));
        };
    }

    private static List<String> decisions(InMemoryAuditLog audit) {
        return audit.all().stream()
                .filter(e -> !e.action().equals(CaseLog.CITIZEN_MESSAGE) && !e.action().equals(CaseLog.AGENCY_REPLY))
                .map(e -> e.eventId() + " " + e.caseId() + " " + e.outcome()
                        + (e.outcome() == AuditEntry.Outcome.REJECTED ? " " + e.rejection() : ""))
                .toList();
    }

    private static void randomStep(StaffLog log, Random random, List<String> rooms, List<String> cases) {
        String sender = SENDERS.get(random.nextInt(SENDERS.size()));
        log.at(log.now().plus(Duration.ofMinutes(random.nextInt(600))).atZone(StaffLog.BERLIN).toLocalDateTime().toString());
        int dice = random.nextInt(100);
        if (dice < 12 || cases.isEmpty()) {
            String room = "!r" + rooms.size() + ":amt.example";
            rooms.add(room);
            cases.add(log.created(sender, random.nextInt(10) == 0 && !rooms.isEmpty() ? rooms.getFirst() : room));
            return;
        }
        String caseId = random.nextInt(20) == 0 ? "$ghost:amt.example" : cases.get(random.nextInt(cases.size()));
        String room = rooms.get(random.nextInt(rooms.size()));
        if (dice < 25) {
            log.send(sender, OutgoingStaffEvents.typed(caseId, TYPES.get(random.nextInt(TYPES.size()))));
        } else if (dice < 40) {
            CaseStatus status = List.of(CaseStatus.OPEN, CaseStatus.WAITING, CaseStatus.CLOSED).get(random.nextInt(3));
            log.send(sender, OutgoingStaffEvents.status(caseId, status, null));
        } else if (dice < 52) {
            String assignee = random.nextInt(6) == 0 ? null : SENDERS.get(random.nextInt(4));
            log.send(sender, random.nextBoolean() ? OutgoingStaffEvents.assign(caseId, assignee)
                    : OutgoingStaffEvents.bulkAssign(List.of(caseId, cases.get(random.nextInt(cases.size()))).stream()
                            .distinct().toList(), assignee));
        } else if (dice < 60) {
            log.send(sender, OutgoingStaffEvents.note(caseId, "Notiz " + dice));
        } else if (dice < 65) {
            log.send(sender, OutgoingStaffEvents.tag(caseId, List.of("t" + random.nextInt(3)), List.of()));
        } else if (dice < 67) {
            log.send(sender, OutgoingStaffEvents.policy(null, null, random.nextBoolean(), null, null, null));
        } else if (dice < 70) {
            log.send(sender, OutgoingStaffEvents.template("t" + random.nextInt(2), "de", "*", 1 + random.nextInt(3),
                    "Titel", "Hallo {citizen.name|Damen und Herren}", false));
        } else if (dice < 88) {
            log.citizenWrites(room);
        } else {
            log.agencyReplies(room);
        }
    }
}
