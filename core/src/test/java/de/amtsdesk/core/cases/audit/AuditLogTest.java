package de.amtsdesk.core.cases.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private final InMemoryAuditLog log = new InMemoryAuditLog();

    private AuditEntry applied(String event, int minute, String actor, String caseId, FieldChange... changes) {
        return log.append(new AuditEntry(0, event, T0.plusSeconds(60L * minute), actor, caseId,
                "de.amtsdesk.case.assigned", AuditEntry.Outcome.APPLIED, null, null, List.of(changes)));
    }

    private void fill() {
        applied("$1", 0, "@lena:x", "$c1", new FieldChange("assignee", null, "@anna:x"));
        applied("$2", 5, "@lena:x", "$c2", new FieldChange("assignee", null, "@ben:x"));
        log.append(new AuditEntry(0, "$3", T0.plusSeconds(600), "@ben:x", "$c1", "de.amtsdesk.case.assigned",
                AuditEntry.Outcome.REJECTED, Rejection.INSUFFICIENT_POWER, "level 0", List.of()));
        applied("$4", 20, "@anna:x", "$c1", new FieldChange("status", "open", "waiting"));
    }

    @Test
    void queriesByCaseActorTimeRangeAndOutcome() {
        fill();
        assertThat(log.query(AuditQuery.all().forCase("$c1"))).extracting(AuditEntry::eventId)
                .containsExactly("$1", "$3", "$4");
        assertThat(log.query(AuditQuery.all().byActor("@lena:x"))).extracting(AuditEntry::eventId)
                .containsExactly("$1", "$2");
        assertThat(log.query(AuditQuery.all().between(T0.plusSeconds(300), T0.plusSeconds(1200))))
                .extracting(AuditEntry::eventId).containsExactly("$2", "$3");
        assertThat(log.query(AuditQuery.all().forCase("$c1").withOutcome(AuditEntry.Outcome.REJECTED)))
                .extracting(AuditEntry::eventId).containsExactly("$3");
        assertThat(log.all()).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void exportsAsJson() throws Exception {
        fill();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditExport.write(log.query(AuditQuery.all().forCase("$c1")), out);

        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.path("format").asText()).isEqualTo("amtsdesk-audit");
        assertThat(json.path("entries")).hasSize(3);
        JsonNode first = json.path("entries").get(0);
        assertThat(first.path("at").asText()).isEqualTo("2026-12-07T08:00:00Z");
        assertThat(first.path("actor").asText()).isEqualTo("@lena:x");
        assertThat(first.path("outcome").asText()).isEqualTo("applied");
        assertThat(first.path("changes").get(0).path("before").isNull()).isTrue();
        assertThat(first.path("changes").get(0).path("after").asText()).isEqualTo("@anna:x");
        JsonNode rejected = json.path("entries").get(1);
        assertThat(rejected.path("rejection").asText()).isEqualTo("insufficient_power");
        assertThat(rejected.path("detail").asText()).isEqualTo("level 0");
        assertThat(AuditExport.toJsonString(List.of())).contains("\"entries\" : [ ]");
    }

    @Test
    void aRejectedEntryNeedsAReasonAndAnAppliedOneNone() {
        assertThatThrownBy(() -> new AuditEntry(0, "$x", T0, "@a:x", null, "t", AuditEntry.Outcome.REJECTED, null,
                null, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEntry(0, "$x", T0, "@a:x", null, "t", AuditEntry.Outcome.APPLIED,
                Rejection.MALFORMED, null, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
