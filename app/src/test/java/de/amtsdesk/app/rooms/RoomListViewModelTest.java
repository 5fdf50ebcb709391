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
            assertThat(row.lastActivity()).isEqualTo("29.11.2026, 10:05");
            assertThat(row.preview()).isEqualTo("Noch keine Nachricht");
            assertThat(vm.describe(row)).isEqualTo(
                    "Unterhaltung mit Erika Mustermann, zuletzt aktiv 29.11.2026, 10:05. Noch keine Nachricht");
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
    void aStaffLogWaitingForAKeyIsSaidUntilTheKeyCame() {
        vm.roomsChanged(List.of());
        var blocked = java.util.Optional.of(new de.amtsdesk.core.staff.StaffLogFold.Blocked("$e", "@lena:l",
                Instant.parse("2026-11-29T09:05:00Z"), "UNKNOWN_MESSAGE_INDEX"));
        vm.staffLogWaits(blocked, user -> user.equals("@lena:l") ? "Lena Lead" : user);
        assertThat(vm.statusProperty().get()).isEqualTo("Das Teamprotokoll wartet auf einen Schlüssel: Der Eintrag"
                + " von Lena Lead vom 29.11.2026, 10:05 ist auf diesem Arbeitsplatz noch nicht lesbar"
                + " (UNKNOWN_MESSAGE_INDEX). Spätere Änderungen an Vorgängen werden hier erst danach übernommen.");
        vm.roomsChanged(List.of());
        assertThat(vm.statusProperty().get()).as("a sync batch does not hide it").startsWith("Das Teamprotokoll wartet");
        vm.syncFailing(new MatrixException(MatrixFailure.UNREACHABLE, "refused", "https://hs"));
        assertThat(vm.statusProperty().get()).startsWith("Homeserver nicht erreichbar");
        vm.syncRecovered();
        assertThat(vm.statusProperty().get()).startsWith("Das Teamprotokoll wartet");
        vm.staffLogWaits(java.util.Optional.empty(), user -> user);
        assertThat(vm.statusProperty().get()).isEqualTo("Verbunden · keine Unterhaltungen");
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

    private static RoomSummary room(String id, String name, String at, String preview) {
        return new RoomSummary(id, name, Instant.parse(at), true, RoomSummary.Membership.JOINED, preview);
    }

    @Test
    void aBatchUpdatesRowsInPlaceAndTheSelectedRoomStaysSelected() {
        vm.roomsChanged(List.of(room("!a:l", "Anna", "2026-11-29T09:05:00Z", "a1"),
                room("!b:l", "Bert", "2026-11-29T09:04:00Z", "b1"), room("!c:l", "Cem", "2026-11-29T09:03:00Z", "c1")));
        RoomRow untouched = vm.rooms().get(0);
        vm.select("!b:l");
        List<String> replaced = new ArrayList<>();
        vm.rooms().addListener((javafx.collections.ListChangeListener<RoomRow>) change -> {
            while (change.next()) {
                if (change.wasReplaced()) {
                    change.getAddedSubList().forEach(r -> replaced.add(r.roomId()));
                } else if (change.wasRemoved() || change.wasAdded()) {
                    replaced.add("structural");
                }
            }
        });

        // Bert gets a new message (preview and time change, order stays), Cem is gone, Dora is new.
        vm.roomsChanged(List.of(room("!a:l", "Anna", "2026-11-29T09:05:00Z", "a1"),
                room("!b:l", "Bert", "2026-11-29T09:04:30Z", "b2"), room("!d:l", "Dora", "2026-11-29T09:02:00Z", "d1")));

        assertThat(vm.rooms()).extracting(RoomRow::roomId).containsExactly("!a:l", "!b:l", "!d:l");
        assertThat(vm.rooms().get(0)).as("an unchanged row is the same object").isSameAs(untouched);
        assertThat(vm.rooms().get(1).preview()).isEqualTo("b2");
        assertThat(replaced).as("Bert replaced in place; Cem removed and Dora added").contains("!b:l")
                .doesNotContain("!a:l");
        assertThat(vm.selectedRoomIdProperty().get()).isEqualTo("!b:l");
        assertThat(vm.rooms().get(1).unread()).as("the open room has nothing unread").isZero();
    }

    @Test
    void aMovedRowKeepsItsIdAndNewActivityElsewhereCountsAsUnread() {
        vm.roomsChanged(List.of(room("!a:l", "Anna", "2026-11-29T09:05:00Z", "a1"),
                room("!b:l", "Bert", "2026-11-29T09:04:00Z", "b1")));
        vm.select("!a:l");
        List<Boolean> updatingSeen = new ArrayList<>();
        vm.rooms().addListener((javafx.collections.ListChangeListener<RoomRow>) c ->
                updatingSeen.add(vm.updatingProperty().get()));

        vm.roomsChanged(List.of(room("!b:l", "Bert", "2026-11-29T09:10:00Z", "b2"),
                room("!a:l", "Anna", "2026-11-29T09:05:00Z", "a1")));
        vm.roomsChanged(List.of(room("!b:l", "Bert", "2026-11-29T09:11:00Z", "b3"),
                room("!a:l", "Anna", "2026-11-29T09:05:00Z", "a1")));

        assertThat(vm.rooms()).extracting(RoomRow::roomId).containsExactly("!b:l", "!a:l");
        assertThat(updatingSeen).as("every change happens inside a batch the view can tell apart").containsOnly(true);
        RoomRow bert = vm.rooms().get(0);
        assertThat(bert.unread()).isEqualTo(2);
        assertThat(vm.unreadBadge(bert)).isEqualTo("2 neu");
        assertThat(vm.describe(bert)).contains("2 neue Nachrichten");
        vm.select("!b:l");
        assertThat(vm.rooms().get(0).unread()).isZero();
        assertThat(vm.describe(vm.rooms().get(0))).doesNotContain("neue Nachricht");
    }

    @Test
    void bidiOverridesInRoomNamesAreRemoved() {
        vm.roomsChanged(List.of(room("!a:l", "Erika\u202E gnuttiM", "2026-11-29T09:05:00Z", "")));
        assertThat(vm.rooms().get(0).name()).isEqualTo("Erika gnuttiM");
    }

    @Test
    void englishDatesAreBritishNotMonthFirst() {
        Translations en = Translations.load("de.amtsdesk.app.messages", Locale.ENGLISH, getClass().getClassLoader());
        RoomListViewModel english = new RoomListViewModel("@amt:localhost", UiThread.direct(), en,
                new FailureMessages(en), ZoneId.of("Europe/London"), endedWith::add);
        english.roomsChanged(List.of(room("!a:l", "Anna", "2026-12-02T09:15:00Z", "")));
        assertThat(english.rooms().get(0).lastActivity()).isEqualTo("2 Dec 2026, 09:15");
    }
}
