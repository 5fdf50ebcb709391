package de.amtsdesk.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.audit.Rejection;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchAndAuditStoreTest {

    @TempDir
    Path tmp;

    @Test
    void wordsAreFoldedForSearch() {
        assertThat(SearchIndex.terms("Straße 12, Müller-Lüdenscheidt; ÉCOLE a b")).containsExactly("strasse", "12",
                "muller", "ludenscheidt", "ecole");
        assertThat(SearchIndex.terms("x".repeat(100))).singleElement()
                .satisfies(t -> assertThat(t).hasSize(SearchIndex.MAX_TERM));
        assertThat(SearchIndex.terms("  ")).isEmpty();
    }

    @Test
    void everyWordMatchesAsAPrefixAndTheNewestComesFirst() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("p"))) {
            SearchIndex index = new SearchIndex(store.db);
            Instant t = Instant.parse("2026-12-01T09:00:00Z");
            index.addMessage("$1", "!a", "@erika", t, "Ich beantrage Wohngeld für meine Wohnung");
            index.addMessage("$2", "!b", "@max", t.plusSeconds(60), "Wohngeldbescheid ist falsch");
            index.addNote("$3", "!a", "$case-a", "@anna", t.plusSeconds(120), "Wohnung zu groß für Wohngeld");
            assertThat(index.addMessage("$1", "!a", "@erika", t, "again")).as("idempotent").isFalse();

            assertThat(index.search("wohngeld", 10, room -> "case-of-" + room)).extracting(SearchIndex.Hit::eventId)
                    .containsExactly("$3", "$2", "$1");
            assertThat(index.search("wohngeld gross", 10, room -> null)).extracting(SearchIndex.Hit::eventId)
                    .containsExactly("$3");
            assertThat(index.search("WOHN bean", 10, room -> null)).extracting(SearchIndex.Hit::eventId)
                    .containsExactly("$1");
            assertThat(index.search("wohngeld", 1, room -> null)).hasSize(1);
            assertThat(index.search("bescheid", 10, room -> null)).as("prefixes only, not infixes").isEmpty();
            assertThat(index.search("- ! x", 10, room -> null)).isEmpty();
            assertThat(index.search("falsch", 10, room -> "case-of-" + room)).singleElement()
                    .satisfies(h -> assertThat(h.caseId()).isEqualTo("case-of-!b"));
        }
    }

    @Test
    void theAuditLogIsQueryableExportableAndIdempotentPerEvent() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("p"))) {
            H2AuditLog audit = new H2AuditLog(store.db);
            Instant t = Instant.parse("2026-12-01T09:00:00Z");
            AuditEntry first = audit.append(new AuditEntry(0, "$a", t, "@lena", "$c1", "de.amtsdesk.case.assigned",
                    AuditEntry.Outcome.APPLIED, null, null, List.of(new FieldChange("assignee", null, "@anna"))));
            audit.append(new AuditEntry(0, "$a", t, "@lena", "$c2", "de.amtsdesk.case.assigned",
                    AuditEntry.Outcome.APPLIED, null, null, List.of(new FieldChange("assignee", "@ben", "@anna"))));
            audit.append(new AuditEntry(0, "$b", t.plusSeconds(5), "@ben", "$c1", "de.amtsdesk.case.assigned",
                    AuditEntry.Outcome.REJECTED, Rejection.INSUFFICIENT_POWER, "level 0", List.of()));
            assertThat(first.sequence()).isPositive();
            assertThat(audit.size()).isEqualTo(3);

            // The same event folded again (after a crash) writes nothing new.
            audit.resetNumbering();
            AuditEntry again = audit.append(new AuditEntry(0, "$a", t, "@lena", "$c1", "de.amtsdesk.case.assigned",
                    AuditEntry.Outcome.APPLIED, null, null, List.of(new FieldChange("assignee", null, "@anna"))));
            assertThat(again).isEqualTo(first);
            assertThat(audit.size()).isEqualTo(3);

            assertThat(audit.query(AuditQuery.all().forCase("$c1"))).extracting(AuditEntry::eventId)
                    .containsExactly("$a", "$b");
            assertThat(audit.query(AuditQuery.all().byActor("@ben").withOutcome(AuditEntry.Outcome.REJECTED)))
                    .singleElement().satisfies(e -> {
                        assertThat(e.rejection()).isEqualTo(Rejection.INSUFFICIENT_POWER);
                        assertThat(e.detail()).isEqualTo("level 0");
                    });
            assertThat(audit.query(AuditQuery.all().between(t.plusSeconds(1), t.plusSeconds(10)))).hasSize(1);
            assertThat(audit.all().get(1).changes()).containsExactly(new FieldChange("assignee", "@ben", "@anna"));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            audit.export(AuditQuery.all(), out);
            JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
            assertThat(doc.path("format").asText()).isEqualTo("amtsdesk-audit");
            assertThat(doc.path("entries")).hasSize(3);
            assertThat(doc.path("entries").get(2).path("rejection").asText()).isEqualTo("insufficient_power");
            assertThat(doc.path("entries").get(0).path("changes").get(0).path("after").asText()).isEqualTo("@anna");
        }
    }
}
