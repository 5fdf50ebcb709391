package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.LEAD;
import static de.amtsdesk.core.cases.StaffLog.LEAD2;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Macros published through the staff log (ADR 0013): leads only, newest version wins, retired ones not offered. */
class MacrosInTheLogTest {

    private final StaffLog log = StaffLog.startingAt("2026-12-04T08:00").withStandardRoom();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    private CaseLog fold() {
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        fold.applyAll(log.inputs());
        return fold;
    }

    private static OutgoingStaffEvents.Outgoing documents(int version, String title) {
        return OutgoingStaffEvents.macro("unterlagen", "de", version, title, "wohngeld-unterlagen",
                CaseStatus.WAITING, List.of("unterlagen-angefordert"), List.of("neu"), false);
    }

    private List<AuditEntry> rejected() {
        return audit.query(AuditQuery.all().withOutcome(AuditEntry.Outcome.REJECTED));
    }

    @Test
    void aLeadPublishesAMacroAndEveryFieldArrives() {
        log.send(LEAD, documents(1, "Unterlagen anfordern"));

        Macro macro = fold().book().macros().find("unterlagen", Locale.GERMAN).orElseThrow();

        assertThat(macro.title()).isEqualTo("Unterlagen anfordern");
        assertThat(macro.templateId()).isEqualTo("wohngeld-unterlagen");
        assertThat(macro.status()).isEqualTo(CaseStatus.WAITING);
        assertThat(macro.addTags()).containsExactly("unterlagen-angefordert");
        assertThat(macro.removeTags()).containsExactly("neu");
        assertThat(macro.publishedBy()).isEqualTo(LEAD);
        assertThat(rejected()).isEmpty();
        assertThat(audit.query(AuditQuery.all().withOutcome(AuditEntry.Outcome.APPLIED)))
                .filteredOn(e -> e.action().equals(StaffEventTypes.MACRO)).singleElement()
                .extracting(e -> e.changes().getFirst())
                .isEqualTo(new FieldChange("macro.unterlagen.de", null, "v1"));
    }

    @Test
    void aNewerVersionReplacesAndAConcurrentEqualVersionIsStale() {
        log.send(LEAD, documents(1, "Unterlagen anfordern"));
        log.send(LEAD2, documents(2, "Unterlagen nachfordern"));
        log.send(LEAD, documents(2, "Lenas Fassung"));
        log.send(LEAD, documents(1, "Alt"));

        Macro current = fold().book().macros().find("unterlagen", Locale.GERMAN).orElseThrow();

        assertThat(current.version()).isEqualTo(2);
        assertThat(current.title()).isEqualTo("Unterlagen nachfordern");
        assertThat(rejected()).hasSize(2).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(LEAD);
            assertThat(e.rejection()).isEqualTo(Rejection.STALE_MACRO_VERSION);
        });
    }

    @Test
    void aCaseworkerCannotPublishAMacroUnlessTheRoomLowersTheLevel() {
        log.send(ANNA, documents(1, "Annas Makro"));
        assertThat(fold().book().macros().all()).isEmpty();
        assertThat(rejected()).singleElement().extracting(AuditEntry::actor, AuditEntry::rejection)
                .containsExactly(ANNA, Rejection.INSUFFICIENT_POWER);
    }

    @Test
    void theRoomMayRaiseTheLevelForMacrosAboveAnOrdinaryLead() {
        log.power(java.util.Map.of(LEAD, 100, LEAD2, 50), java.util.Map.of(StaffEventTypes.MACRO, 100));
        log.send(LEAD2, documents(1, "Lars"));
        log.send(LEAD, documents(1, "Lena"));
        assertThat(fold().book().macros().find("unterlagen", Locale.GERMAN).orElseThrow().title()).isEqualTo("Lena");
    }

    @Test
    void aRetiredMacroIsNoLongerOfferedButStaysInTheLibrary() {
        log.send(LEAD, OutgoingStaffEvents.macro("erledigt", "de", 1, "Erledigt", null, CaseStatus.CLOSED,
                List.of(), List.of(), false));
        log.send(LEAD, documents(1, "Unterlagen anfordern"));
        log.send(LEAD, OutgoingStaffEvents.macro("unterlagen", "de", 2, "Unterlagen anfordern", null, null,
                List.of(), List.of(), true));

        MacroLibrary macros = fold().book().macros();

        assertThat(macros.offered(Locale.GERMAN)).extracting(Macro::id).containsExactly("erledigt");
        assertThat(macros.find("unterlagen", Locale.GERMAN)).isEmpty();
        assertThat(macros.current("unterlagen", "de").orElseThrow().retired()).isTrue();
        assertThat(rejected()).isEmpty();
    }

    @Test
    void anotherLanguageFallsBackToGermanPerId() {
        log.send(LEAD, OutgoingStaffEvents.macro("erledigt", "de", 1, "Erledigt", null, CaseStatus.CLOSED,
                List.of(), List.of(), false));
        log.send(LEAD, OutgoingStaffEvents.macro("erledigt", "en", 1, "Done", null, CaseStatus.CLOSED,
                List.of(), List.of(), false));
        log.send(LEAD, OutgoingStaffEvents.macro("spam", "de", 1, "Spam", null, CaseStatus.CLOSED,
                List.of("spam"), List.of(), false));

        assertThat(fold().book().macros().offered(Locale.ENGLISH)).extracting(Macro::title)
                .containsExactly("Done", "Spam");
    }

    @Test
    void parsingIsStrict() {
        String ok = "'v':1,'id':'m','lang':'de','version':1,'title':'T','status':'closed'";
        log.raw(LEAD, StaffEventTypes.MACRO, "{" + ok + ",'colour':'red'}");
        log.raw(LEAD, StaffEventTypes.MACRO, "{'v':1,'id':'m','lang':'de','version':1,'title':'Nichts'}");
        log.raw(LEAD, StaffEventTypes.MACRO, "{" + ok.replace("closed", "untriaged") + "}");
        log.raw(LEAD, StaffEventTypes.MACRO, "{" + ok + ",'addTags':['a'],'removeTags':['a']}");
        log.raw(LEAD, StaffEventTypes.MACRO, "{" + ok + ",'addTags':['  ']}");
        log.raw(LEAD, StaffEventTypes.MACRO, "{" + ok + ",'template':'Not An Id'}");
        log.raw(LEAD, StaffEventTypes.MACRO, "{" + ok.replace("'version':1", "'version':0") + "}");
        log.raw(LEAD, StaffEventTypes.MACRO, "{" + ok.replace("'v':1", "'v':2") + "}");

        assertThat(fold().book().macros().all()).isEmpty();
        assertThat(rejected()).extracting(AuditEntry::rejection).containsExactly(Rejection.MALFORMED,
                Rejection.MALFORMED, Rejection.MALFORMED, Rejection.MALFORMED, Rejection.MALFORMED,
                Rejection.MALFORMED, Rejection.MALFORMED, Rejection.UNSUPPORTED_VERSION);
    }

    @Test
    void theBuilderWritesWhatTheParserReads() {
        var out = OutgoingStaffEvents.macro("erledigt", "de", 3, "Erledigt", null, CaseStatus.CLOSED, null, null,
                false);
        assertThat(out.type()).isEqualTo("de.amtsdesk.case.macro");
        assertThat(out.content().toString())
                .isEqualTo("{\"v\":1,\"id\":\"erledigt\",\"lang\":\"de\",\"version\":3,\"title\":\"Erledigt\","
                        + "\"status\":\"closed\"}");
    }

    @Test
    void macrosSurviveSnapshotAndRestore() {
        log.send(LEAD, documents(1, "Unterlagen anfordern"));
        int cut = log.inputs().size();
        log.send(LEAD, documents(2, "Unterlagen nachfordern"));
        log.send(LEAD, documents(2, "zu spät"));

        CaseLog whole = fold();
        CaseLog first = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
        first.applyAll(log.inputs().subList(0, cut));
        FoldSnapshot saved = first.book().snapshot();
        CaseLog resumed = new CaseLog(UnitConfig.defaults("BA"), CaseBook.restore(saved), new InMemoryAuditLog());
        resumed.applyAll(log.inputs().subList(cut - 1, log.inputs().size()));

        assertThat(saved.macros()).extracting(Macro::version).containsExactly(1);
        assertThat(resumed.book().macros().all()).isEqualTo(whole.book().macros().all());
        assertThat(resumed.book().snapshot()).isEqualTo(whole.book().snapshot());
    }
}
