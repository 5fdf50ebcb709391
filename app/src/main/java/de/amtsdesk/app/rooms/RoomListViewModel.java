package de.amtsdesk.app.rooms;

import de.amtsdesk.app.AppFormats;
import de.amtsdesk.app.AppVersion;
import de.amtsdesk.app.FailureMessages;
import de.amtsdesk.app.InPlace;
import de.amtsdesk.app.LogLocation;
import de.amtsdesk.core.conversation.DisplayNames;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.RoomSummary;
import de.amtsdesk.core.matrix.SyncListener;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The account's conversations, newest activity first, fed by the sync loop. Each batch updates the rows in place
 * (by room ID) instead of replacing the list, so the list's selection and keyboard position survive; which room is
 * selected is kept here by ID, so the view can put the selection back where a row moved.
 */
public final class RoomListViewModel implements SyncListener {

    private final ObservableList<RoomRow> rooms = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper failing = new ReadOnlyBooleanWrapper(false);
    /** What the status says while the staff log waits at an event it cannot decrypt yet; null when it does not. */
    private String staffLogWaiting;
    private final ReadOnlyStringWrapper selectedRoomId = new ReadOnlyStringWrapper();
    /** True while a batch is being applied: selection changes the list makes meanwhile are not the caseworker's. */
    private final ReadOnlyBooleanWrapper updating = new ReadOnlyBooleanWrapper(false);
    /** Last activity per room as last seen, and new activity counted since the room was last opened. UI thread. */
    private final Map<String, Instant> lastActivity = new HashMap<>();
    private final Map<String, Integer> unread = new HashMap<>();
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
        this.timeFormat = AppFormats.dateTime(text.bundle().getLocale(), zone);
        status.set(text.get("rooms.status.syncing"));
    }

    @Override
    public void roomsChanged(List<RoomSummary> summaries) {
        List<RoomSummary> copy = List.copyOf(summaries);
        ui.execute(() -> {
            apply(copy.stream().map(this::toRow).toList());
            if (!failing.get()) {
                status.set(connectedStatus());
            }
        });
    }

    private void apply(List<RoomRow> target) {
        updating.set(true);
        try {
            InPlace.update(rooms, target, RoomRow::roomId);
        } finally {
            updating.set(false);
        }
    }

    /** The caseworker opened a room: it is the selected one from now on and has nothing unread. */
    public void select(String roomId) {
        selectedRoomId.set(roomId);
        if (roomId == null || unread.getOrDefault(roomId, 0) == 0) {
            return;
        }
        unread.put(roomId, 0);
        int at = InPlace.indexOf(rooms, roomId, 0, RoomRow::roomId);
        if (at >= 0) {
            RoomRow row = rooms.get(at);
            updating.set(true);
            try {
                rooms.set(at, new RoomRow(row.roomId(), row.name(), row.lastActivity(), row.encrypted(),
                        row.invited(), row.preview(), 0));
            } finally {
                updating.set(false);
            }
        }
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
            status.set(connectedStatus());
        });
    }

    /**
     * Where the staff log waits, if it does (see {@code StaffLogFold#blocked()}): while one staff event cannot be
     * decrypted on this workstation, no later case change is applied here, and the status line says so and whose
     * entry it is. Connection trouble still comes first. Call after each catch-up of the fold; any thread.
     *
     * @param senderName the display name of the event's sender
     */
    public void staffLogWaits(java.util.Optional<de.amtsdesk.core.staff.StaffLogFold.Blocked> blocked,
            java.util.function.Function<String, String> senderName) {
        String message = blocked.map(at -> text.get("rooms.status.staffLogWaits", senderName.apply(at.sender()),
                timeFormat.format(at.at()), at.problem())).orElse(null);
        ui.execute(() -> {
            if (java.util.Objects.equals(message, staffLogWaiting)) {
                return;
            }
            staffLogWaiting = message;
            if (!failing.get()) {
                status.set(connectedStatus());
            }
        });
    }

    private String connectedStatus() {
        return staffLogWaiting != null ? staffLogWaiting : text.get("rooms.status.connected", rooms.size());
    }

    /** What "retry now" does (the engine's {@code retryNow}); set once the engine exists. */
    public void onRetryNow(Runnable action) {
        this.retryNow = action;
    }

    public void retryNow() {
        status.set(text.get("rooms.status.retrying"));
        retryNow.run();
    }

    public ReadOnlyBooleanProperty failingProperty() {
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

    /**
     * Core reports no read markers yet, so "unread" is what this view model saw arrive: every batch that moved a
     * room's last activity forward while the room was not open counts once (a lower bound when one batch brings
     * several messages). Rooms already known at start count as read.
     */
    private RoomRow toRow(RoomSummary summary) {
        String id = summary.roomId();
        Instant before = lastActivity.put(id, summary.lastActivity());
        if (before != null && summary.lastActivity().isAfter(before) && !Objects.equals(id, selectedRoomId.get())) {
            unread.merge(id, 1, Integer::sum);
        }
        return new RoomRow(id, DisplayNames.sanitise(summary.displayName()),
                timeFormat.format(summary.lastActivity()), summary.encrypted(),
                summary.membership() == RoomSummary.Membership.INVITED,
                summary.preview().isEmpty() ? text.get("rooms.preview.none") : DisplayNames.sanitise(summary.preview()),
                unread.getOrDefault(id, 0));
    }

    /** The accessible description of a row, read by screen readers instead of the visual layout. */
    public String describe(RoomRow row) {
        boolean exception = !row.encrypted() && !row.invited();
        String unreadText = row.hasUnread() ? text.get("rooms.unread.accessible", row.unread()) + ". " : "";
        return text.get(exception ? "rooms.row.accessible.notEncrypted" : "rooms.row.accessible", row.name(),
                row.lastActivity()) + ". " + unreadText + row.preview();
    }

    public String unreadBadge(RoomRow row) {
        return row.hasUnread() ? text.get("rooms.unread.badge", row.unread()) : "";
    }

    public String notEncryptedBadge() {
        return text.get("rooms.badge.notEncrypted");
    }

    /** For the info dialog: which build this is and where its log files are (messages point there). */
    public String aboutText() {
        return text.get("about.text", AppVersion.current(), LogLocation.directory());
    }

    public ObservableList<RoomRow> rooms() {
        return rooms;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedRoomIdProperty() {
        return selectedRoomId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty updatingProperty() {
        return updating.getReadOnlyProperty();
    }

    public String account() {
        return account;
    }
}
