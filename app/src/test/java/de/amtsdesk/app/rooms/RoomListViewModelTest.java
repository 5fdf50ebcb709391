package de.amtsdesk.app.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.FailureMessages;
import de.amtsdesk.app.UiThread;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.core.matrix.RoomSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RoomListViewModelTest {

    private final Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN,
            getClass().getClassLoader());
    private final List<MatrixException> endedWith = new ArrayList<>();
    private final RoomListViewModel vm = new RoomListViewModel("@amt:localhost", UiThread.direct(), text,
            new FailureMessages(text), ZoneId.of("Europe/Berlin"), endedWith::add);

    @Test
    void rowsShowNameAndLocalTimeOfLastActivity() {
        vm.roomsChanged(List.of(new RoomSummary("!a:l", "Erika Mustermann", Instant.parse("2026-11-29T09:05:00Z"),
                true, RoomSummary.Membership.JOINED)));
        assertThat(vm.rooms()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Erika Mustermann");
            assertThat(row.lastActivity()).isEqualTo("29.11.26, 10:05");
            assertThat(row.preview()).isEqualTo("Noch keine Nachricht");
            assertThat(vm.describe(row)).isEqualTo(
                    "Unterhaltung mit Erika Mustermann, zuletzt aktiv 29.11.26, 10:05. Noch keine Nachricht");
        });
        assertThat(vm.statusProperty().get()).isEqualTo("Verbunden · 1 Unterhaltung");
    }

    @Test
    void anUnencryptedRoomIsTheMarkedException() {
        vm.roomsChanged(List.of(new RoomSummary("!p:l", "Max Klartext", Instant.parse("2026-11-29T09:05:00Z"),
                false, RoomSummary.Membership.JOINED)));
        assertThat(vm.rooms()).singleElement().satisfies(row -> {
            assertThat(row.encrypted()).isFalse();
            assertThat(vm.describe(row)).startsWith("NICHT verschlüsselte Unterhaltung mit Max Klartext");
        });
        assertThat(vm.notEncryptedBadge()).isEqualTo("nicht verschlüsselt");
    }

    @Test
    void syncTroubleIsShownAndRevokedSessionSendsBackToLogin() {
        vm.syncFailing(new MatrixException(MatrixFailure.SERVER_ERROR, "502", "https://hs"));
        assertThat(vm.statusProperty().get()).startsWith("Der Homeserver hat gerade Probleme");
        assertThat(vm.failingProperty().get()).isTrue();
        vm.syncFailing(new MatrixException(MatrixFailure.UNREACHABLE, "refused", "https://hs"));
        assertThat(vm.statusProperty().get()).as("unreachable, not 'check the address'")
                .startsWith("Homeserver nicht erreichbar. Nichts geht verloren").doesNotContain("Adresse");
        List<String> retried = new ArrayList<>();
        vm.onRetryNow(() -> retried.add("now"));
        vm.retryNow();
        assertThat(retried).containsExactly("now");
        vm.syncRecovered();
        assertThat(vm.failingProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Verbunden");
        vm.sessionEnded(new MatrixException(MatrixFailure.SESSION_EXPIRED, "M_UNKNOWN_TOKEN", "https://hs"));
        assertThat(endedWith).extracting(MatrixException::failure).containsExactly(MatrixFailure.SESSION_EXPIRED);
        assertThat(vm.statusProperty().get())
                .isEqualTo("Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an; es gehen keine Daten verloren.");
    }

    @Test
    void hardLogoutIsHandedOnAsSuchAndSaysTheWorkstationBecomesANewDevice() {
        vm.sessionEnded(new MatrixException(MatrixFailure.TOKEN_REVOKED, "M_UNKNOWN_TOKEN", "https://hs"));
        assertThat(endedWith).extracting(MatrixException::failure).containsExactly(MatrixFailure.TOKEN_REVOKED);
        assertThat(vm.statusProperty().get()).startsWith("Dieser Arbeitsplatz wurde auf dem Server abgemeldet")
                .contains("neues Gerät mit neuem Schlüsselspeicher");
    }
}
