package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.LEAD;
import static de.amtsdesk.core.cases.StaffLog.LEAD2;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.cases.templates.Placeholders;
import de.amtsdesk.core.cases.templates.ReplyTemplate;
import de.amtsdesk.core.cases.templates.TemplatePreview;
import de.amtsdesk.core.cases.templates.TemplateRenderer;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates published through the staff log: every caseworker sees the same version. */
class TemplatesInTheLogTest {

    private final StaffLog log = StaffLog.startingAt("2026-12-04T08:00").withStandardRoom();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    private CaseBook fold() {
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        fold.applyAll(log.inputs());
        return fold.book();
    }

    @Test
    void theNewestVersionWinsAndAConcurrentEqualVersionLoses() {
        log.send(LEAD, OutgoingStaffEvents.template("docs", "de", "*", 1, "Unterlagen", "v1 {citizen.name}", false));
        // Both leads edited version 1 at the same time and published version 2: the first in server order wins.
        log.send(LEAD2, OutgoingStaffEvents.template("docs", "de", "*", 2, "Unterlagen", "Lars' v2", false));
        log.send(LEAD, OutgoingStaffEvents.template("docs", "de", "*", 2, "Unterlagen", "Lenas v2", false));

        ReplyTemplate current = fold().templates().find("docs", Locale.GERMAN).orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.body()).isEqualTo("Lars' v2");
        assertThat(current.publishedBy()).isEqualTo(LEAD2);
        assertThat(audit.query(AuditQuery.all().withOutcome(AuditEntry.Outcome.REJECTED)))
                .singleElement().extracting(AuditEntry::actor, AuditEntry::rejection)
                .containsExactly(LEAD, Rejection.STALE_TEMPLATE_VERSION);
    }

    @Test
    void aPreviewForARealCaseFillsWhatTheCaseKnows() {
        log.send(LEAD, OutgoingStaffEvents.policy(null, null, null, null, "Bürgeramt Mitte, Tel. 030 115", null));
        log.send(LEAD, OutgoingStaffEvents.template("docs", "de", "housing", 1, "Unterlagen fehlen", """
                Guten Tag {citizen.name|Damen und Herren},
                zu „{case.type}" ({case.reference}) erwarten wir bis {case.due} Ihre Unterlagen.
                {caseworker.name}, {unit.contact}""", false));
        // Created Monday 08:00: 80 business hours later is Friday of the following week, 16:00.
        String id = log.at("2026-12-07T08:00").created(ANNA, "!room:amt.example");
        log.send(ANNA, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));
        CaseBook book = fold();
        Case c = book.find(id).orElseThrow();

        Map<String, String> values = TemplateValues.forCase(c, null, ServiceCatalogue.bundled(), Locale.GERMAN,
                book.staffRoom(), book.policy());
        TemplatePreview preview = TemplateRenderer.preview(
                book.templates().forCase(c.type(), Locale.GERMAN).getFirst(), values);

        assertThat(preview.text()).isEqualTo("""
                Guten Tag Erika Mustermann,
                zu „Wohngeld beantragen" (BA-2026-00001) erwarten wir bis 18. Dezember 2026 Ihre Unterlagen.
                {caseworker.name}, Bürgeramt Mitte, Tel. 030 115""");
        assertThat(preview.missing()).containsExactly(Placeholders.CASEWORKER_NAME);

        Map<String, String> signed = TemplateValues.forCase(c, ANNA, ServiceCatalogue.bundled(), Locale.GERMAN,
                book.staffRoom(), book.policy());
        assertThat(TemplateRenderer.preview(book.templates().forCase(c.type(), Locale.GERMAN).getFirst(), signed)
                .complete()).isTrue();
        assertThat(signed).containsEntry(Placeholders.CASEWORKER_NAME, "Anna Arbeit");
    }
}
