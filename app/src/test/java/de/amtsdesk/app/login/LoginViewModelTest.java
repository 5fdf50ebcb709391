package de.amtsdesk.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.FailureMessages;
import de.amtsdesk.app.UiThread;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.core.matrix.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Runs without the JavaFX toolkit: view models hold properties only. */
class LoginViewModelTest {

    private final Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN,
            getClass().getClassLoader());
    private final List<Session> loggedIn = new ArrayList<>();

    private LoginViewModel viewModel(Authenticator authenticator) {
        return new LoginViewModel(authenticator, (hs, user) -> HomeserverUrl.parse(hs), Runnable::run,
                UiThread.direct(), new FailureMessages(text), loggedIn::add);
    }

    private static void fill(LoginViewModel vm, String password) {
        vm.homeserverProperty().set("http://127.0.0.1:8008");
        vm.userProperty().set("amt");
        vm.passwordProperty().set(password);
    }

    @Test
    void wrongPasswordShowsAClearMessageAndKeepsTheFormUsable() {
        LoginViewModel vm = viewModel((hs, user, pw) -> {
            throw new MatrixException(MatrixFailure.WRONG_CREDENTIALS, "M_FORBIDDEN", hs.toString());
        });
        fill(vm, "falsch");
        vm.login();
        assertThat(vm.errorProperty().get()).isEqualTo("Benutzername oder Passwort ist falsch.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.canLoginProperty().get()).isTrue();
        assertThat(loggedIn).isEmpty();
    }

    @Test
    void unreachableServerNamesTheAddress() {
        LoginViewModel vm = viewModel((hs, user, pw) -> {
            throw new MatrixException(MatrixFailure.UNREACHABLE, "refused", hs.toString());
        });
        fill(vm, "x");
        vm.login();
        assertThat(vm.errorProperty().get()).contains("http://127.0.0.1:8008").contains("nicht erreichbar");
    }

    @Test
    void successHandsTheSessionOnAndForgetsThePassword() {
        LoginViewModel vm = viewModel((hs, user, pw) -> new Session(hs, "@amt:localhost", "DEV1", "secret-token"));
        fill(vm, "richtig");
        vm.login();
        assertThat(loggedIn).singleElement().satisfies(s -> assertThat(s.userId()).isEqualTo("@amt:localhost"));
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void cannotLoginWithEmptyFieldsAndInvalidUrlIsExplained() {
        LoginViewModel vm = viewModel((hs, user, pw) -> {
            throw new AssertionError("must not be called");
        });
        assertThat(vm.canLoginProperty().get()).isFalse();
        vm.homeserverProperty().set("ftp://example.org");
        vm.userProperty().set("amt");
        vm.passwordProperty().set("pw");
        vm.login();
        assertThat(vm.errorProperty().get()).contains("ftp://example.org").contains("keine gültige");
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedWithAClearMessage() {
        LoginViewModel vm = viewModel((hs, user, pw) -> {
            throw new AssertionError("must not be called: the password must not travel over http");
        });
        vm.homeserverProperty().set("http://matrix.example.org");
        vm.userProperty().set("amt");
        vm.passwordProperty().set("pw");
        vm.login();
        assertThat(vm.errorProperty().get()).isEqualTo("„http://matrix.example.org“ ist eine unverschlüsselte Adresse "
                + "(http). Amtsdesk verbindet sich nur über https, damit niemand Passwort und Nachrichten mitlesen kann. "
                + "Beispiel: https://matrix.example.org");
        assertThat(loggedIn).isEmpty();
    }

    @Test
    void aFullUserIdIsEnoughAndTheLocatedServerIsShownAfterwards() {
        List<String> locatorSaw = new ArrayList<>();
        LoginViewModel vm = new LoginViewModel((hs, user, pw) -> new Session(hs, user, "DEV1", "t"), (hs, user) -> {
            locatorSaw.add("[" + hs + "] " + user);
            return HomeserverUrl.parse("https://matrix.example.org");
        }, Runnable::run, UiThread.direct(), new FailureMessages(text), loggedIn::add);
        vm.userProperty().set("@amt:example.org");
        vm.passwordProperty().set("pw");
        assertThat(vm.canLoginProperty().get()).isTrue();
        vm.login();
        assertThat(locatorSaw).containsExactly("[] @amt:example.org");
        assertThat(loggedIn).singleElement().satisfies(s -> assertThat(s.homeserver().toString())
                .isEqualTo("https://matrix.example.org"));
        assertThat(vm.homeserverProperty().get()).isEqualTo("https://matrix.example.org");
    }

    @Test
    void aLocalpartAloneNeedsTheHomeserverField() {
        LoginViewModel vm = viewModel((hs, user, pw) -> {
            throw new AssertionError("must not be called");
        });
        vm.userProperty().set("amt");
        vm.passwordProperty().set("pw");
        assertThat(vm.canLoginProperty().get()).isFalse();
    }

    @Test
    void aHomeserverLockedByPolicyWinsOverThePrefillAndStaysAfterLogin() {
        List<String> servers = new ArrayList<>();
        LoginViewModel vm = new LoginViewModel((hs, user, pw) -> new Session(hs, user, "DEV1", "t"), (hs, user) -> {
            servers.add(hs);
            return HomeserverUrl.parse(hs + "/");
        }, Runnable::run, UiThread.direct(), new FailureMessages(text), loggedIn::add);
        vm.homeserverProperty().set("https://prefilled.example");
        assertThat(vm.homeserverLockedProperty().get()).isFalse();
        vm.lockHomeserver("https://matrix.amt.example");
        assertThat(vm.homeserverLockedProperty().get()).isTrue();
        assertThat(vm.homeserverProperty().get()).isEqualTo("https://matrix.amt.example");
        vm.userProperty().set("@amt:elsewhere.example");
        vm.passwordProperty().set("pw");
        vm.login();
        assertThat(servers).containsExactly("https://matrix.amt.example");
        assertThat(loggedIn).hasSize(1);
        assertThat(vm.homeserverProperty().get()).isEqualTo("https://matrix.amt.example");
    }

    @Test
    void theFunctionalAccountLockedByPolicyWinsOverThePrefillAndIsTheOneSignedIn() {
        List<String> users = new ArrayList<>();
        LoginViewModel vm = viewModel((hs, user, pw) -> {
            users.add(user);
            return new Session(hs, user, "DEV1", "t");
        });
        vm.userProperty().set("@someone:elsewhere.example");
        assertThat(vm.userLockedProperty().get()).isFalse();
        vm.lockUser("@buergerbuero:amt.example");
        assertThat(vm.userLockedProperty().get()).isTrue();
        vm.homeserverProperty().set("https://matrix.amt.example");
        vm.passwordProperty().set("pw");
        vm.login();
        assertThat(users).containsExactly("@buergerbuero:amt.example");
        assertThat(loggedIn).hasSize(1);
    }
}
