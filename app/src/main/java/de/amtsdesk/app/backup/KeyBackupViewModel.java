package de.amtsdesk.app.backup;

import de.amtsdesk.core.engine.KeyBackupStatus;
import de.amtsdesk.core.i18n.Translations;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The key backup as the caseworker sees it, without controls: what the state is (version, keys backed up of how
 * many), which actions make sense (set up only when no backup exists, restore when this workstation does not back up
 * to the server's version, replace only as the explicit last resort), and the recovery key shown in 4-character
 * blocks that must be typed back before the dialog lets go of it.
 */
public final class KeyBackupViewModel {

    /** A progress bar's "not known yet" (JavaFX's indeterminate value), without depending on the controls. */
    public static final double INDETERMINATE = -1;

    private final Translations text;
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canSetUp = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRestore = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canReplace = new ReadOnlyBooleanWrapper(false);
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper keyConfirmed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper restoreProgress = new ReadOnlyDoubleWrapper(INDETERMINATE);
    private final ReadOnlyStringWrapper restoreProgressText = new ReadOnlyStringWrapper("");
    private String recoveryKey = "";
    private String serverVersion;

    public KeyBackupViewModel(Translations text) {
        this.text = text;
        state.set(text.get("backup.state.loading"));
        confirmation.addListener((obs, old, typed) -> keyConfirmed.set(!recoveryKey.isEmpty()
                && normalise(typed).equals(normalise(recoveryKey))));
    }

    public void showStatus(KeyBackupStatus status) {
        serverVersion = status.serverVersion().orElse(null);
        canSetUp.set(status.serverVersion().isEmpty());
        canRestore.set(status.needsRestore());
        canReplace.set(status.serverVersion().isPresent());
        if (status.serverVersion().isEmpty()) {
            state.set(text.get("backup.state.none", status.totalKeys()));
        } else if (status.needsRestore()) {
            state.set(text.get("backup.state.restoreNeeded", serverVersion));
        } else {
            state.set(text.get(status.complete() ? "backup.state.complete" : "backup.state.uploading", serverVersion,
                    status.backedUpKeys(), status.totalKeys()));
        }
    }

    /** A restore has started: progress unknown until the first batch of keys is in. */
    public void restoreStarted() {
        restoreProgress.set(INDETERMINATE);
        restoreProgressText.set(text.get("backup.restoring.started"));
    }

    /** After each batch of keys: "12.000 von 100.000 Schlüsseln wiederhergestellt". */
    public void restoreProgressed(long read, long total) {
        if (total > 0) {
            restoreProgress.set(Math.min(1.0, (double) read / total));
            restoreProgressText.set(text.get("backup.restoring.progress", read, total));
        } else {
            restoreProgress.set(INDETERMINATE);
            restoreProgressText.set(text.get("backup.restoring.progressUnknownTotal", read));
        }
    }

    /** 0–1, or {@link #INDETERMINATE} (an indeterminate bar) before the first batch. */
    public ReadOnlyDoubleProperty restoreProgressProperty() {
        return restoreProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty restoreProgressTextProperty() {
        return restoreProgressText.getReadOnlyProperty();
    }

    public void showStatusUnavailable() {
        state.set(text.get("backup.state.unavailable"));
        canSetUp.set(false);
        canRestore.set(false);
        canReplace.set(false);
    }

    /** The version a replacement must name: the one the person saw when confirming. */
    public String serverVersion() {
        return serverVersion;
    }

    public void showNewRecoveryKey(String key) {
        recoveryKey = key == null ? "" : key;
        confirmation.set("");
        keyConfirmed.set(false);
    }

    /** "EsTc LW2K …": 4-character blocks, as Element shows recovery keys; whitespace never matters when typed back. */
    public String groupedRecoveryKey() {
        return group(recoveryKey);
    }

    static String group(String key) {
        String plain = normalise(key);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < plain.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(plain, i, Math.min(plain.length(), i + 4));
        }
        return grouped.toString();
    }

    private static String normalise(String key) {
        return key == null ? "" : key.replaceAll("\\s+", "").strip();
    }

    public String printableRecoveryKey(String unit, java.time.LocalDate date) {
        return text.get("backup.key.print", unit, date.format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE),
                groupedRecoveryKey(), serverVersion == null ? "" : serverVersion);
    }

    /** Normalised for a comparison: case matters in base58, so only spaces are forgiven. */
    public boolean matches(String typed) {
        return !recoveryKey.isEmpty() && normalise(typed).equals(normalise(recoveryKey));
    }

    public String confirmationHint() {
        return text.get("backup.key.confirmHint");
    }

    public String replaceWarning() {
        return text.get("backup.replace.warning", serverVersion == null ? "" : serverVersion);
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSetUpProperty() {
        return canSetUp.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRestoreProperty() {
        return canRestore.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReplaceProperty() {
        return canReplace.getReadOnlyProperty();
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyBooleanProperty keyConfirmedProperty() {
        return keyConfirmed.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "KeyBackupViewModel[" + state.get().toLowerCase(Locale.ROOT) + "]";
    }
}
