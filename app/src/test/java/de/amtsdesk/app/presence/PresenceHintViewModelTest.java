package de.amtsdesk.app.presence;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.staff.presence.StaffPresence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The collision hint and the question before a second reply, over a scripted set of colleagues' signals. */
class PresenceHintViewModelTest {

    private static final Instant FAR = Instant.parse("2099-01-01T00:00:00Z");
    private static final Map<String, String> NAMES = Map.of("@anna:amt.example", "Anna Arbeit",
            "@ben:amt.example", "Ben Beispiel");

    private final List<String> announced = new ArrayList<>();
    private final List<StaffPresence> others = new ArrayList<>();
    private final List<Consumer<String>> listeners = new ArrayList<>();
    private final CasePresence presence = new CasePresence() {
        @Override
        public List<StaffPresence> othersOn(String caseId) {
            return others.stream().filter(s -> s.caseId().equals(caseId)).toList();
        }

        @Override
        public void announce(String caseId, StaffPresence.Activity activity) {
            announced.add(caseId + " " + activity);
        }

        @Override
        public void addListener(Consumer<String> listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(Consumer<String> listener) {
            listeners.remove(listener);
        }
    };

    private PresenceHintViewModel model(Locale locale) {
        Translations text = Translations.load("de.amtsdesk.app.messages", locale,
                PresenceHintViewModel.class.getClassLoader());
        return new PresenceHintViewModel(presence, id -> NAMES.getOrDefault(id, id), text, Runnable::run);
    }

    @Test
    void openingTypingSendingAndLeavingAreAnnouncedToTheUnit() {
        PresenceHintViewModel model = model(Locale.GERMAN);

        model.show("$a");
        model.typing();
        model.replySent();
        model.show("$b");
        model.dispose();

        assertThat(announced).containsExactly("$a VIEWING", "$a WRITING", "$a VIEWING", "$a NONE", "$b VIEWING",
                "$b NONE");
        assertThat(listeners).as("stops listening").isEmpty();
    }

    @Test
    void theHintNamesWhoWritesBeforeWhoOnlyLooksAndFollowsNewSignalsForTheOpenCase() {
        PresenceHintViewModel model = model(Locale.GERMAN);
        model.show("$a");
        assertThat(model.hintProperty().get()).isEmpty();
        assertThat(model.collision()).isEmpty();

        others.add(new StaffPresence("@anna:amt.example", "$a", StaffPresence.Activity.VIEWING, FAR));
        listeners.forEach(l -> l.accept("$a"));
        assertThat(model.hintProperty().get()).isEqualTo("Auch geöffnet von Anna Arbeit.");
        assertThat(model.collision()).as("looking is no collision").isEmpty();

        others.add(new StaffPresence("@ben:amt.example", "$a", StaffPresence.Activity.WRITING, FAR));
        listeners.forEach(l -> l.accept("$a"));
        assertThat(model.hintProperty().get()).isEqualTo("Ben Beispiel schreibt gerade eine Antwort an diesen Bürger.");
        assertThat(model.collision()).contains("Ben Beispiel schreibt gerade ebenfalls eine Antwort an diesen Bürger."
                + " Trotzdem senden?");

        others.add(new StaffPresence("@anna:amt.example", "$a", StaffPresence.Activity.WRITING, FAR));
        model.refresh();
        assertThat(model.hintProperty().get()).isEqualTo(
                "Ben Beispiel und Anna Arbeit schreiben gerade Antworten an diesen Bürger.");

        model.show("$other");
        assertThat(model.hintProperty().get()).as("another case: nobody there").isEmpty();
    }

    @Test
    void inEnglishToo() {
        PresenceHintViewModel model = model(Locale.ENGLISH);
        others.add(new StaffPresence("@ben:amt.example", "$a", StaffPresence.Activity.WRITING, FAR));
        model.show("$a");
        assertThat(model.hintProperty().get()).isEqualTo("Ben Beispiel is writing a reply to this citizen right now.");
        assertThat(model.collision()).contains("Ben Beispiel is also writing a reply to this citizen right now."
                + " Send anyway?");
    }
}
