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
            status.set(text.get("rooms.status.connected", rows.size()));
        });
    }

    @Override
    public void syncFailing(MatrixException problem) {
        ui.execute(() -> status.set(text.get("rooms.status.failing", messages.describe(problem))));
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
        return text.get(row.encrypted() ? "rooms.row.accessible.encrypted" : "rooms.row.accessible", row.name(),
                row.lastActivity()) + ". " + row.preview();
    }

    public String encryptedBadge() {
        return text.get("rooms.badge.encrypted");
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
