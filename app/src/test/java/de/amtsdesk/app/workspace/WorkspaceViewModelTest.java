package de.amtsdesk.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.i18n.Translations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WorkspaceViewModelTest {

    private static WorkspaceViewModel frame(Locale locale, String name, String id) {
        Translations text = Translations.load("de.amtsdesk.app.messages", locale,
                WorkspaceViewModelTest.class.getClassLoader());
        return new WorkspaceViewModel(text, name, id, "@amt:amt.example", new WorkspaceViewModel.Session() {
            @Override
            public void lock() {
            }

            @Override
            public void signOut() {
            }
        }, new IdleLock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofMinutes(10)));
    }

    @Test
    void theCaseworkerIsNamedWithTheirIdOnce() {
        assertThat(frame(Locale.GERMAN, "Anna Arbeit", "@anna:amt.example").caseworkerProperty().get())
                .isEqualTo("Angemeldet: Anna Arbeit (@anna:amt.example)");
        // Without a display name the server reports the ID as the name: say it once, not "@anna (@anna)".
        assertThat(frame(Locale.GERMAN, "@anna:amt.example", "@anna:amt.example").caseworkerProperty().get())
                .isEqualTo("Angemeldet: @anna:amt.example");
        assertThat(frame(Locale.ENGLISH, null, "@anna:amt.example").caseworkerProperty().get())
                .isEqualTo("Signed in: @anna:amt.example");
        assertThat(frame(Locale.ENGLISH, " \u200B", "@anna:amt.example").caseworkerProperty().get())
                .isEqualTo("Signed in: @anna:amt.example");
    }
}
