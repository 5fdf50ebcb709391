package de.amtsdesk.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.i18n.Translations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Waiting conversation requests (a unit that asks first): shown with their count, accepted in one action. */
class InvitationsViewModelTest {

    private final Set<String> pending = new TreeSet<>();
    private final List<String> accepted = new ArrayList<>();
    private final List<Runnable> background = new ArrayList<>();

    private InvitationsViewModel model(Locale locale, String failingRoom) {
        Translations text = Translations.load("de.amtsdesk.app.messages", locale,
                InvitationsViewModel.class.getClassLoader());
        return new InvitationsViewModel(new InvitationsViewModel.Invitations() {
            @Override
            public Set<String> pending() {
                return Set.copyOf(pending);
            }

            @Override
            public void accept(String roomId) throws Exception {
                if (roomId.equals(failingRoom)) {
                    throw new Exception("M_FORBIDDEN: You are not invited to this room.");
                }
                accepted.add(roomId);
                pending.remove(roomId);
            }
        }, text, background::add, Runnable::run);
    }

    @Test
    void hiddenWhileNoneWaitAndCountedWhenSome() {
        InvitationsViewModel model = model(Locale.GERMAN, null);
        model.refresh();
        assertThat(model.waitingProperty().get()).isFalse();
        assertThat(model.labelProperty().get()).isEmpty();

        pending.add("!a:bund.example");
        model.refresh();
        assertThat(model.waitingProperty().get()).isTrue();
        assertThat(model.labelProperty().get()).isEqualTo("1 neue Anfrage eines Bürgers wartet – annehmen");
        pending.add("!b:bund.example");
        model.refresh();
        assertThat(model.labelProperty().get()).isEqualTo("2 neue Anfragen von Bürgern warten – annehmen");
        assertThat(model(Locale.ENGLISH, null)).satisfies(en -> {
            en.refresh();
            assertThat(en.labelProperty().get()).isEqualTo("2 new requests from citizens wait – accept");
        });
    }

    @Test
    void acceptingJoinsEveryWaitingRoomOffTheFxThreadAndNamesAFailureWithoutStoppingTheRest() {
        pending.addAll(List.of("!a:bund.example", "!b:bund.example", "!c:bund.example"));
        InvitationsViewModel model = model(Locale.GERMAN, "!b:bund.example");

        model.acceptAll();
        assertThat(model.waitingProperty().get()).as("hidden while accepting").isFalse();
        assertThat(accepted).as("nothing on the FX thread").isEmpty();
        model.acceptAll(); // a second press meanwhile does nothing
        assertThat(background).hasSize(1);
        background.removeFirst().run();

        assertThat(accepted).containsExactlyInAnyOrder("!a:bund.example", "!c:bund.example");
        assertThat(model.problemProperty().get()).isEqualTo(
                "Eine Anfrage konnte nicht angenommen werden: M_FORBIDDEN: You are not invited to this room.");
        assertThat(model.labelProperty().get()).isEqualTo("1 neue Anfrage eines Bürgers wartet – annehmen");
    }
}
