package de.amtsdesk.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.FailureMessages;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StaffSignInViewModelTest {

    private final Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN);
    private final List<String> calls = new ArrayList<>();
    private final AtomicBoolean signedIn = new AtomicBoolean();
    private MatrixException refusal;
    private final StaffSignInViewModel viewModel = new StaffSignInViewModel((user, password, room) -> {
        calls.add(user + "|" + room);
        if (refusal != null) {
            throw refusal;
        }
    }, Runnable::run, Runnable::run, new FailureMessages(text), text, () -> signedIn.set(true));

    @Test
    void signsInWithAccountPasswordAndStaffRoomAndForgetsThePassword() {
        viewModel.userProperty().set(" @anna:amt.example ");
        viewModel.passwordProperty().set("geheim");
        viewModel.staffRoomProperty().set("!team");
        viewModel.signIn();
        assertThat(calls).containsExactly("@anna:amt.example|!team");
        assertThat(signedIn).isTrue();
        assertThat(viewModel.passwordProperty().get()).isEmpty();
    }

    @Test
    void incompleteInputOrAMalformedRoomIsExplainedWithoutCallingTheServer() {
        viewModel.signIn();
        assertThat(viewModel.errorProperty().get()).isEqualTo(text.get("staff.incomplete"));
        viewModel.userProperty().set("@anna:amt.example");
        viewModel.passwordProperty().set("geheim");
        viewModel.staffRoomProperty().set("team raum");
        viewModel.signIn();
        assertThat(viewModel.errorProperty().get()).isEqualTo(text.get("staff.room.invalid"));
        assertThat(calls).isEmpty();
    }

    @Test
    void aRefusedLoginIsShownAndNothingProceeds() {
        refusal = new MatrixException(MatrixFailure.WRONG_CREDENTIALS, "403", "https://hs");
        viewModel.userProperty().set("@anna:amt.example");
        viewModel.passwordProperty().set("falsch");
        viewModel.staffRoomProperty().set("!team:amt.example");
        viewModel.signIn();
        assertThat(viewModel.errorProperty().get()).isNotEmpty();
        assertThat(signedIn).isFalse();
        assertThat(viewModel.busyProperty().get()).isFalse();
    }
}
