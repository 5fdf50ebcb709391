package de.amtsdesk.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.a11y.WorkspaceScreens;
import de.amtsdesk.app.casepanel.CasePanelViewModel;
import de.amtsdesk.app.workspace.FoldDesk;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A citizen's display name with bidi overrides or zero-width characters, in the queue and the case panel: cleaned the
 * same way as in the conversation, and never the app's words for the agency or a caseworker's name without the
 * citizen's user ID beside it.
 */
class HostileCitizenNamesTest {

    /** Invisible and direction-changing characters that must never reach the screen. */
    private static final List<String> INVISIBLE = List.of("\u200B", "\u200D", "\u202E", "\u202C", "\u2066", "\uFEFF",
            "\u061C");

    private final FoldDesk desk = new FoldDesk(FoldDesk.ANNA, Instant.parse("2026-12-07T08:00:00Z"));

    private final Map<String, String> hostile = Map.of(
            "@s1:evil.example", "S\u200Bie",
            "@s2:evil.example", "\u202EBehörde (Sie)\u202C",
            "@s3:evil.example", "\uFEFFYou",
            "@s4:evil.example", "Anna\u200D Arbeit",
            "@s5:evil.example", "Ich",
            "@s6:evil.example", "Erika\u2066 Muster\u061Cmann");

    @Test
    void theQueueAndTheCasePanelShowCleanedNamesThatPassForNobody() {
        for (var citizen : hostile.entrySet()) {
            desk.newCase(citizen.getKey(), citizen.getValue(), "housing.wohngeld.apply");
        }
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            QueueViewModel queue = WorkspaceScreens.queueViewModel(locale, desk);
            queue.refresh();
            List<QueueEntry.CaseRow> rows = queue.entries().stream().filter(QueueEntry.CaseRow.class::isInstance)
                    .map(QueueEntry.CaseRow.class::cast).toList();
            assertThat(rows).hasSize(hostile.size());
            CasePanelViewModel panel = WorkspaceScreens.casePanelViewModel(locale, desk);
            for (QueueEntry.CaseRow row : rows) {
                String userId = desk.book().find(row.caseId()).orElseThrow().citizenId();
                panel.show(row.caseId());
                assertThat(INVISIBLE).noneMatch(row.accessibleText()::contains);
                for (String shown : List.of(row.citizen(), panel.citizenProperty().get())) {
                    assertThat(INVISIBLE).as("%s for %s", shown, userId).noneMatch(shown::contains);
                    if (!userId.equals("@s6:evil.example")) {
                        // Imitations of "Sie", the agency, "You", a caseworker and "Ich" carry the user ID.
                        assertThat(shown).contains(userId).isNotIn("Sie", "You", "Behörde (Sie)", "Anna Arbeit",
                                "Ich", "Me");
                    }
                }
            }
            // A name that imitates nothing is shown as chosen, only cleaned.
            assertThat(rows).extracting(QueueEntry.CaseRow::citizen).contains("Erika Mustermann");
        }
    }

    @Test
    void aCaseWithoutANameShowsTheUserId() {
        String id = desk.newCase("@ohne:bund.example", null, null);
        CasePanelViewModel panel = WorkspaceScreens.casePanelViewModel(Locale.GERMAN, desk);

        panel.show(id);

        assertThat(panel.citizenProperty().get()).isEqualTo("@ohne:bund.example");
    }
}
