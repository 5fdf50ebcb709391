package de.amtsdesk.app.rooms;

import de.amtsdesk.app.FailureMessages;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.RoomSummary;
import de.amtsdesk.core.matrix.SyncListener;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The account's conversations, newest activity first, fed by the sync loop. */
public final class RoomListViewModel implements SyncListener {

    private final ObservableList<RoomRow> rooms = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper failing =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private volatile Runnable retryNow = () -> { };
    private final String account;
    private final Executor ui;
    private final Translations text;
    private final FailureMessages messages;
    private final Consumer<MatrixException> onSessionEnded;
    private final DateTimeFormatter timeFormat;

    public RoomListViewModel(String account, Executor ui, Translations text, FailureMessages messages, ZoneId zone,
            Consumer<MatrixException> onSessionEnded) {
        this.account = account;
        this.ui = ui;
        this.text = text;
        this.messages = messages;
        this.onSessionEnded = onSessionEnded;
        Locale locale = text.bundle().getLocale();
        this.timeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(
                locale.getLanguage().isEmpty() ? Locale.GERMAN : locale).withZone(zone);
        status.set(text.get("rooms.status.syncing"));
    }

    @Override
    public void roomsChanged(List<RoomSummary> summaries) {
        List<RoomRow> rows = summaries.stream().map(this::toRow).toList();
        ui.execute(() -> {
            rooms.setAll(rows);
            if (!failing.get()) {
                status.set(text.get("rooms.status.connected", rows.size()));
            }
        });
    }

    /**
     * While the sync loop retries. A server that answered before and now does not is "unreachable", not a wrong
     * address: the caseworker learns that nothing is lost and can ask for a retry at once.
     */
    @Override
    public void syncFailing(MatrixException problem) {
        String message = switch (problem.failure()) {
            case UNREACHABLE -> text.get("rooms.status.unreachable");
            case SERVER_ERROR, RATE_LIMITED -> text.get("rooms.status.serverTrouble");
            default -> text.get("rooms.status.failing", messages.describe(problem));
        };
        ui.execute(() -> {
            failing.set(true);
            status.set(message);
        });
    }

    @Override
    public void syncRecovered() {
        ui.execute(() -> {
            failing.set(false);
            status.set(text.get("rooms.status.connected", rooms.size()));
        });
    }

    /** What "retry now" does (the engine's {@code retryNow}); set once the engine exists. */
    public void onRetryNow(Runnable action) {
        this.retryNow = action;
    }

    public void retryNow() {
        status.set(text.get("rooms.status.retrying"));
        retryNow.run();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty failingProperty() {
        return failing.getReadOnlyProperty();
    }

    /** Hands the reason on unchanged: whoever owns the workstation must tell soft from hard logout. */
    @Override
    public void sessionEnded(MatrixException reason) {
        ui.execute(() -> {
            status.set(messages.describe(reason));
            onSessionEnded.accept(reason);
        });
    }

    private RoomRow toRow(RoomSummary summary) {
        return new RoomRow(summary.roomId(), summary.displayName(), timeFormat.format(summary.lastActivity()),
                summary.encrypted(), summary.membership() == RoomSummary.Membership.INVITED,
                summary.preview().isEmpty() ? text.get("rooms.preview.none") : summary.preview());
    }

    /** The accessible description of a row, read by screen readers instead of the visual layout. */
    public String describe(RoomRow row) {
        boolean exception = !row.encrypted() && !row.invited();
        return text.get(exception ? "rooms.row.accessible.notEncrypted" : "rooms.row.accessible", row.name(),
                row.lastActivity()) + ". " + row.preview();
    }

    public String notEncryptedBadge() {
        return text.get("rooms.badge.notEncrypted");
    }

    public ObservableList<RoomRow> rooms() {
        return rooms;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String account() {
        return account;
    }
}
