package de.amtsdesk.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.engine.KeyBackupStatus;
import de.amtsdesk.core.i18n.Translations;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyBackupViewModelTest {

    private final Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN,
            getClass().getClassLoader());
    private final KeyBackupViewModel vm = new KeyBackupViewModel(text);

    @Test
    void withoutABackupOnlySetUpIsOffered() {
        vm.showStatus(new KeyBackupStatus(Optional.empty(), Optional.empty(), 12, 0));
        assertThat(vm.canSetUpProperty().get()).isTrue();
        assertThat(vm.canRestoreProperty().get()).isFalse();
        assertThat(vm.canReplaceProperty().get()).isFalse();
        assertThat(vm.stateProperty().get()).contains("noch keine Schlüsselsicherung").contains("12");
    }

    @Test
    void aBackupThatExistsIsNeverOfferedForSetUpAgain() {
        vm.showStatus(new KeyBackupStatus(Optional.of("3"), Optional.of("3"), 40, 40));
        assertThat(vm.canSetUpProperty().get()).as("a second set-up would start an empty backup").isFalse();
        assertThat(vm.canRestoreProperty().get()).isFalse();
        assertThat(vm.canReplaceProperty().get()).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(
                "Schlüsselsicherung Version 3: 40 von 40 Gesprächsschlüsseln dieses Arbeitsplatzes sind gesichert.");
        assertThat(vm.serverVersion()).isEqualTo("3");
        assertThat(vm.replaceWarning()).contains("Version 3").contains("Teamleitung");
    }

    @Test
    void aRestoreShowsItsProgressInWordsAndAsAFraction() {
        vm.restoreStarted();
        assertThat(vm.restoreProgressProperty().get()).isEqualTo(KeyBackupViewModel.INDETERMINATE);
        assertThat(vm.restoreProgressTextProperty().get()).isEqualTo("Die Schlüsselsicherung wird gelesen …");

        vm.restoreProgressed(12_000, 100_000);
        assertThat(vm.restoreProgressProperty().get()).isEqualTo(0.12);
        assertThat(vm.restoreProgressTextProperty().get()).isEqualTo("12.000 von 100.000 Schlüsseln wiederhergestellt");

        vm.restoreProgressed(2_000, 0);
        assertThat(vm.restoreProgressProperty().get()).as("no count from the server").isEqualTo(-1);
        assertThat(vm.restoreProgressTextProperty().get()).isEqualTo("2.000 Schlüssel wiederhergestellt");

        KeyBackupViewModel english = new KeyBackupViewModel(Translations.load("de.amtsdesk.app.messages",
                Locale.ENGLISH, getClass().getClassLoader()));
        english.restoreProgressed(12_000, 100_000);
        assertThat(english.restoreProgressTextProperty().get()).isEqualTo("12,000 of 100,000 keys restored");
    }

    @Test
    void aNewWorkstationIsToldToRestore() {
        vm.showStatus(new KeyBackupStatus(Optional.of("7"), Optional.empty(), 0, 0));
        assertThat(vm.canRestoreProperty().get()).isTrue();
        assertThat(vm.canSetUpProperty().get()).isFalse();
        assertThat(vm.stateProperty().get()).contains("Version 7").contains("wiederherstellen");
    }

    @Test
    void theRecoveryKeyIsShownInBlocksAndMustBeTypedBack() {
        String key = "EsTcLW2KuyBcxnN7xYxu6vdoSmQRPYcPDa3tf8b6gVKnEZoi";
        vm.showNewRecoveryKey(key);
        assertThat(vm.groupedRecoveryKey()).isEqualTo("EsTc LW2K uyBc xnN7 xYxu 6vdo SmQR PYcP Da3t f8b6 gVKn EZoi");
        assertThat(vm.keyConfirmedProperty().get()).isFalse();
        vm.confirmationProperty().set("EsTc LW2K uyBc xnN7 xYxu 6vdo SmQR PYcP Da3t f8b6 gVKn EZo");
        assertThat(vm.keyConfirmedProperty().get()).as("one character short").isFalse();
        vm.confirmationProperty().set("estc lw2k uyBc xnN7 xYxu 6vdo SmQR PYcP Da3t f8b6 gVKn EZoi");
        assertThat(vm.keyConfirmedProperty().get()).as("base58 is case-sensitive").isFalse();
        vm.confirmationProperty().set("  EsTcLW2K uyBc   xnN7xYxu 6vdo SmQR PYcP Da3t f8b6 gVKn EZoi ");
        assertThat(vm.keyConfirmedProperty().get()).as("spaces do not matter").isTrue();
        assertThat(vm.printableRecoveryKey("@amt:example.org", LocalDate.of(2026, 12, 2)))
                .contains("@amt:example.org").contains("2026-12-02")
                .contains("EsTc LW2K uyBc xnN7 xYxu 6vdo SmQR PYcP Da3t f8b6 gVKn EZoi");
    }

    @Test
    void anUnreachableServerOffersNothing() {
        vm.showStatus(new KeyBackupStatus(Optional.empty(), Optional.empty(), 1, 0));
        vm.showStatusUnavailable();
        assertThat(vm.canSetUpProperty().get()).isFalse();
        assertThat(vm.stateProperty().get()).contains("nicht abrufbar");
    }
}
