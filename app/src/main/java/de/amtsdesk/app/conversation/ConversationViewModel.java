package de.amtsdesk.app.conversation;

import de.amtsdesk.app.AppFormats;
import de.amtsdesk.app.CitizenNames;
import de.amtsdesk.app.InPlace;
import de.amtsdesk.app.LogLocation;
import de.amtsdesk.app.VisibleText;
import de.amtsdesk.core.conversation.ConversationListener;
import de.amtsdesk.core.conversation.DisplayNames;
import de.amtsdesk.core.conversation.Conversations;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.conversation.PollTally;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One conversation: decrypted timeline with send states, and the composer for text, files and polls. */
public final class ConversationViewModel implements ConversationListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationViewModel.class);
    /**
     * Matrix events may be at most 65,536 bytes (spec: "Size limits"); encryption turns text into base64 ciphertext
     * (4/3 of its size) plus keys and signatures, so plain text above about 40 KB cannot be sent encrypted.
     */
    static final int MAX_TEXT_BYTES = 40_000;
    /**
     * A timeline line shows at most this much of a message (a few screens full); more would make the list's layout of
     * the cell take seconds on the FX thread. The rest is behind "show all" / "save as file".
     */
    public static final int SHOWN_TEXT_CHARS = 4_000;
    /** Poll answers named on the line; MSC3381 allows 20, a hostile client may send thousands. */
    static final int SHOWN_POLL_ANSWERS = 20;
    /**
     * Rows shown at first and added per "load older": a room with thousands of messages opens with its newest page,
     * so building and applying the rows stays small however long the history is.
     */
    public static final int PAGE = 200;

    private final String roomId;
    private final String ownUserId;
    private final Conversations conversations;
    private final Executor background;
    private final Executor ui;
    private final Translations text;
    private final DateTimeFormatter timeFormat;
    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final StringProperty draft = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** The last finished signature check of a PDF in this conversation; the view shows its report. */
    private final ReadOnlyObjectWrapper<AttachmentSignatureCheck.Result> signatureCheck =
            new ReadOnlyObjectWrapper<>();
    private final ZoneId zone;
    /** Null where the window offers no signature check. */
    private AttachmentSignatureCheck signatureChecks;
    private final ReadOnlyStringWrapper encryptionWarning = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSend;
    /** Whether the caseworker can see this conversation now (window showing and focused); set by the view. */
    private final BooleanProperty attended = new SimpleBooleanProperty(false);
    /** Off when the admin policy forbids polls / sending files: the composer hides the action, sending refuses. */
    private final BooleanProperty pollsAllowed = new SimpleBooleanProperty(true);
    private final BooleanProperty filesAllowed = new SimpleBooleanProperty(true);
    private final List<String> reservedNames;
    /** The newest received event that is on screen, and the one a read receipt was last sent for. UI thread. */
    private String lastShownEventId;
    private String lastReceiptEventId;
    /** How many of the newest rows are shown; grows by {@link #PAGE} on "load older". */
    private final java.util.concurrent.atomic.AtomicInteger shownRows =
            new java.util.concurrent.atomic.AtomicInteger(PAGE);
    /** Whether the local timeline has rows above the shown page (then "load older" needs no server). */
    private volatile boolean olderLocally;
    private volatile boolean disposed;
    /** How attachments are opened with the system's program; null where the window offers no way to. */
    private final OpenWithSystem openWith;

    /**
     * Opening a citizen's attachment with the program the system has for its type.
     *
     * @param copies where the decrypted copies go (private, deleted on lock and exit)
     * @param opener starts the program
     */
    public record OpenWithSystem(OpenedAttachments copies, SystemOpener opener) {
    }

    public ConversationViewModel(String roomId, String ownUserId, Conversations conversations, Executor background,
            Executor ui, Translations text, ZoneId zone) {
        this(roomId, ownUserId, conversations, background, ui, text, zone, null);
    }

    /** With "open" for attachments ({@code openWith} null: save only). */
    public ConversationViewModel(String roomId, String ownUserId, Conversations conversations, Executor background,
            Executor ui, Translations text, ZoneId zone, OpenWithSystem openWith) {
        this.openWith = openWith;
        this.roomId = roomId;
        this.ownUserId = ownUserId;
        this.conversations = conversations;
        this.background = background;
        this.ui = ui;
        this.text = text;
        this.zone = zone;
        this.timeFormat = AppFormats.dateTime(text.bundle().getLocale(), zone);
        this.reservedNames = List.copyOf(CitizenNames.of(text).reserved());
        this.canSend = Bindings.createBooleanBinding(() -> !draft.get().isBlank() && !tooLarge(draft.get()), draft);
        draft.addListener((obs, old, now) -> {
            // Warn while typing, not after the server refused: an encrypted event must stay below its size limit.
            if (tooLarge(now)) {
                notice.set(text.get("conversation.tooLarge", MAX_TEXT_BYTES / 1000));
            } else if (tooLarge(old)) {
                notice.set("");
            }
        });
        attended.addListener((obs, was, now) -> {
            if (now) {
                sendReceipt();
            }
        });
        conversations.addListener(this);
    }

    public String roomId() {
        return roomId;
    }

    public void refresh() {
        if (disposed) {
            return;
        }
        background.execute(() -> {
            if (disposed) {
                return;
            }
            boolean encrypted = conversations.isEncrypted(roomId);
            List<TimelineEntry> entries = conversations.timeline(roomId);
            List<TimelineEntry> shown = entries.stream()
                    .filter(e -> e.kind() != TimelineEntry.Kind.POLL_RESPONSE && e.kind() != TimelineEntry.Kind.OTHER)
                    .toList();
            int limit = shownRows.get();
            olderLocally = shown.size() > limit;
            // Only the newest page becomes rows: the cost of an update does not grow with the room's history.
            List<TimelineRow> newRows = shown.subList(Math.max(0, shown.size() - limit), shown.size()).stream()
                    .map(this::toRow)
                    .toList();
            String newestReceived = entries.stream().filter(e -> e.sendState() == null && !e.id().isEmpty())
                    .reduce((a, b) -> b).map(TimelineEntry::id).orElse(null);
            ui.execute(() -> {
                if (disposed) {
                    return;
                }
                encryptionWarning.set(encrypted ? "" : text.get("conversation.notEncrypted"));
                // In place, so the timeline keeps its selected row (keyboard actions work on it) across updates.
                InPlace.update(rows, newRows, TimelineRow::id);
                lastShownEventId = newestReceived;
                sendReceipt();
            });
        });
    }

    /**
     * A read receipt tells the citizen the agency has read their message: send it only for an event that is on screen
     * while the caseworker can see the window, never for a conversation that was closed or is in the background.
     */
    private void sendReceipt() {
        String eventId = lastShownEventId;
        if (disposed || !attended.get() || eventId == null || eventId.equals(lastReceiptEventId)) {
            return;
        }
        lastReceiptEventId = eventId;
        background.execute(() -> {
            if (!disposed) {
                conversations.markRead(roomId, eventId);
            }
        });
    }

    /** A new action makes the last one's notice stale: clear it so it is not read as the new action's result. */
    private void startAction() {
        notice.set("");
    }

    @Override
    public void timelineChanged(String changedRoomId) {
        if (roomId.equals(changedRoomId)) {
            refresh();
        }
    }

    public void send() {
        String body = draft.get().strip();
        if (body.isEmpty()) {
            return;
        }
        startAction();
        draft.set("");
        background.execute(() -> {
            conversations.sendText(roomId, body);
            refresh();
        });
    }

    /** Scrolling up: one page of older history from the server; says when the start of the room is reached. */
    private volatile boolean beginningReached;

    public void loadOlder() {
        startAction();
        if (olderLocally) {
            // The next page is already here: show it without asking the server.
            shownRows.addAndGet(PAGE);
            refresh();
            return;
        }
        background.execute(() -> {
            try {
                int added = conversations.loadOlder(roomId);
                shownRows.addAndGet(Math.max(0, added));
                beginningReached = added == 0;
                ui.execute(() -> notice.set(added == 0 ? text.get("conversation.older.none") : ""));
                refresh();
            } catch (Exception e) {
                LOG.warn("older history not loaded: {}", e.getClass().getSimpleName());
                ui.execute(() -> notice.set(text.get("conversation.older.failed")));
            }
        });
    }

    /** Whether the server said there is nothing older (scrolling up then stops asking). */
    public boolean beginningReached() {
        return beginningReached && !olderLocally;
    }

    static boolean tooLarge(String body) {
        return body != null && body.length() * 3L > MAX_TEXT_BYTES
                && body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_TEXT_BYTES;
    }

    /**
     * Drops a refused message from the outbox; a text goes back into the composer to be edited and sent again
     * (only when the composer is empty, so nothing typed is overwritten).
     */
    public void discard(TimelineRow row) {
        startAction();
        background.execute(() -> {
            var content = conversations.discard(row.id());
            String body = content.map(ConversationViewModel::textBody).orElse("");
            ui.execute(() -> {
                if (!body.isEmpty() && draft.get().isBlank()) {
                    draft.set(body);
                }
                notice.set(content.isPresent() ? text.get("conversation.discarded") : "");
            });
            refresh();
        });
    }

    private static String textBody(String contentJson) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(contentJson);
            return "m.text".equals(node.path("msgtype").asText()) ? node.path("body").asText("") : "";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "";
        }
    }

    /**
     * Asks before a picked file goes out (a mis-click in the file chooser must not send a citizen the wrong file):
     * the question names the file and its size. An empty or unreadable file is refused with a notice instead.
     *
     * @return the confirmation question, or empty when the file cannot be sent
     */
    public Optional<String> confirmFile(Path file) {
        startAction();
        if (!filesAllowed.get()) {
            return Optional.empty();
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            notice.set(text.get("conversation.fileUnreadable", file.getFileName()));
            return Optional.empty();
        }
        if (size == 0) {
            notice.set(text.get("conversation.fileEmpty", file.getFileName()));
            return Optional.empty();
        }
        return Optional.of(text.get("conversation.attach.confirm", file.getFileName(),
                AppFormats.fileSize(size, text.bundle().getLocale())));
    }

    public void sendFile(Path file) {
        startAction();
        if (!filesAllowed.get()) {
            return;
        }
        background.execute(() -> {
            try {
                conversations.sendFile(roomId, file);
                refresh();
            } catch (Exception e) {
                LOG.warn("cannot queue file: {}", e.getClass().getSimpleName());
                ui.execute(() -> notice.set(text.get("conversation.fileUnreadable", file.getFileName())));
            }
        });
    }

    /** The admin policy's feature switches ({@code allowPolls}, {@code allowFiles}); both allowed by default. */
    public void allowFeatures(boolean polls, boolean files) {
        pollsAllowed.set(polls);
        filesAllowed.set(files);
    }

    public javafx.beans.value.ObservableBooleanValue pollsAllowedProperty() {
        return pollsAllowed;
    }

    public javafx.beans.value.ObservableBooleanValue filesAllowedProperty() {
        return filesAllowed;
    }

    /** A single-choice poll with results visible at once; a notice instead when it lacks a question or two answers. */
    public void sendPoll(String question, List<String> answers) {
        startAction();
        List<String> given = answers.stream().filter(a -> a != null && !a.isBlank()).toList();
        if (!PollDraft.problems(question, given, 1).isEmpty()) {
            notice.set(text.get("conversation.pollIncomplete"));
            return;
        }
        sendPoll(PollDraft.singleChoice(question, given));
    }

    /** A poll as composed in the poll composer (options, max selections, when results are visible). */
    public void sendPoll(PollDraft draft) {
        startAction();
        if (!pollsAllowed.get()) {
            return;
        }
        background.execute(() -> {
            conversations.sendPoll(roomId, draft);
            refresh();
        });
    }

    /** The texts of this screen, for its dialogs. */
    public Translations text() {
        return text;
    }

    public void retry(TimelineRow row) {
        if (!row.canRetry()) {
            return;
        }
        startAction();
        background.execute(() -> {
            conversations.retry(row.id());
            refresh();
        });
    }

    public void saveAttachment(TimelineRow row, Path target) {
        startAction();
        background.execute(() -> {
            try {
                conversations.saveAttachment(row.attachment(), target);
                ui.execute(() -> notice.set(text.get("conversation.saved", target.getFileName())));
            } catch (Exception e) {
                LOG.warn("cannot save attachment: {}", e.getClass().getSimpleName());
                ui.execute(() -> notice.set(text.get("conversation.saveFailed", row.attachment().name())));
            }
        });
    }

    /** Offers "check signature" on every PDF in this conversation, the citizen's and the agency's own. */
    public void checkSignaturesWith(AttachmentSignatureCheck checks) {
        this.signatureChecks = checks;
    }

    public boolean canCheckSignature(TimelineRow row) {
        return signatureChecks != null && AttachmentSignatureCheck.applies(row.attachment());
    }

    /** Decrypts the PDF, checks its signatures in the background; the result arrives in {@link #signatureCheck}. */
    public void checkSignature(TimelineRow row) {
        if (!canCheckSignature(row)) {
            return;
        }
        startAction();
        String name = SafeFileName.of(row.attachment().name());
        notice.set(text.get("conversation.checking", name));
        background.execute(() -> signatureChecks.check(row.attachment(),
                result -> ui.execute(() -> {
                    notice.set(text.get("conversation.checked", name));
                    signatureCheck.set(result);
                }),
                () -> ui.execute(() -> notice.set(text.get("conversation.checkFailed", name)))));
    }

    /** The agency's time zone: times in reports and the timeline. */
    public ZoneId zone() {
        return zone;
    }

    public ReadOnlyObjectProperty<AttachmentSignatureCheck.Result> signatureCheckProperty() {
        return signatureCheck.getReadOnlyProperty();
    }

    /** Whether the row's attachment can be opened with the system's program (a citizen's file, opening wired). */
    public boolean canOpen(TimelineRow row) {
        return openWith != null && row.canSave();
    }

    /**
     * Asked before opening: for a file type that can run code (a program, a script, a shortcut, HTML or SVG) the
     * question that names the file as it will be written; empty when the file can be opened at once.
     */
    public Optional<String> openWarning(TimelineRow row) {
        String name = SafeFileName.of(row.attachment().name());
        return CodeRunningFileTypes.canRunCode(name)
                ? Optional.of(text.get("conversation.open.warning", name, SafeFileName.extension(name)))
                : Optional.empty();
    }

    /**
     * Decrypts the attachment into the private directory and hands the copy to the system's program. The copy is
     * deleted on lock and exit ({@link OpenedAttachments#deleteAll()}), not here: the program may still read it.
     */
    public void openAttachment(TimelineRow row) {
        if (!canOpen(row)) {
            return;
        }
        startAction();
        String name = SafeFileName.of(row.attachment().name());
        background.execute(() -> {
            Path copy;
            try {
                copy = openWith.copies().newCopy(row.attachment().name());
                conversations.saveAttachment(row.attachment(), copy);
            } catch (Exception e) {
                LOG.warn("cannot decrypt attachment to open it: {}", e.getClass().getSimpleName());
                ui.execute(() -> notice.set(text.get("conversation.saveFailed", name)));
                return;
            }
            try {
                openWith.opener().open(copy);
                ui.execute(() -> notice.set(text.get("conversation.opened", name)));
            } catch (UnsupportedOperationException e) {
                ui.execute(() -> notice.set(text.get("conversation.openUnsupported")));
            } catch (IOException | RuntimeException e) {
                LOG.warn("no program opened the attachment: {}", e.getClass().getSimpleName());
                ui.execute(() -> notice.set(text.get("conversation.openFailed", name)));
            }
        });
    }

    /** Writes a message's whole text to a file (UTF-8): a long message can be kept or passed on completely. */
    public void saveText(TimelineRow row, Path target) {
        startAction();
        background.execute(() -> {
            try {
                Files.writeString(target, row.fullText(), java.nio.charset.StandardCharsets.UTF_8);
                ui.execute(() -> notice.set(text.get("conversation.textSaved", target.getFileName())));
            } catch (IOException e) {
                LOG.warn("cannot save message text: {}", e.getClass().getSimpleName());
                ui.execute(() -> notice.set(text.get("conversation.textSaveFailed", target.getFileName())));
            }
        });
    }

    /**
     * The conversation was replaced or closed: stop listening to the engine (listeners would pile up, one per opened
     * room) and send no more read receipts for it.
     */
    public void dispose() {
        disposed = true;
        conversations.removeListener(this);
    }

    public boolean isDisposed() {
        return disposed;
    }

    private TimelineRow toRow(TimelineEntry entry) {
        // Own is decided by the sender's user ID (or our outbox), never by a name: a citizen can call themselves anything.
        // Internal lines (notes, case changes) come from the staff room: never "own" (nothing of them was sent to
        // the citizen) and always labelled "intern" before the caseworker's name.
        boolean internal = entry.isInternal();
        boolean own = !internal && (ownUserId.equals(entry.sender()) || entry.sendState() != null);
        String sender = internal ? text.get("conversation.internal." + entry.kind().name(),
                conversations.senderName(roomId, entry.sender()))
                : own ? text.get("conversation.own")
                : DisplayNames.forSender(conversations.senderName(roomId, entry.sender()), entry.sender(), reservedNames);
        String time = timeFormat.format(entry.timestamp());
        String state = entry.sendState() == null ? "" : text.get("conversation.state." + entry.sendState().name());
        if (entry.sendState() == TimelineEntry.SendState.FAILED && entry.problem() != null
                && text.bundle().containsKey("conversation.failed." + entry.problem())) {
            // The outbox's reason, so the caseworker knows why and what to do (not just "failed").
            state = withLogFolder("conversation.failed." + entry.problem());
        }
        String fullBody = describe(entry);
        String visible = VisibleText.markBidiControls(fullBody);
        String body = shortened(visible);
        boolean truncated = body.length() != visible.length();
        MessageTrust trust = entry.trust();
        boolean marked = trust.severity() != MessageTrust.Severity.NONE;
        String marker = marked ? text.get("conversation.trust." + trust.name() + ".marker") : "";
        String label = marked ? text.get("conversation.trust." + trust.name() + ".label") : "";
        String detail = marked ? text.get("conversation.trust." + trust.name() + ".detail") : "";
        String tooltip = marked ? label + ": " + detail : "";
        // A screen reader hears the label on every marked line, and the advice too where the caseworker should act
        // on it (caution and warning); the usual citizen message is not read out with a paragraph each time.
        boolean loud = trust.severity() == MessageTrust.Severity.CAUTION
                || trust.severity() == MessageTrust.Severity.WARNING;
        String spoken = !marked ? "" : loud ? tooltip : label;
        boolean canRetry = entry.sendState() == TimelineEntry.SendState.FAILED;
        boolean canSave = entry.attachment() != null && !own;
        // The keys that act on this line, so a screen reader user learns them where they apply.
        String keys = canRetry ? text.get("conversation.keys.retry")
                : canSave && openWith != null ? text.get("conversation.keys.saveOpen")
                : canSave ? text.get("conversation.keys.save")
                : truncated ? text.get("conversation.keys.showAll") : "";
        if (signatureChecks != null && AttachmentSignatureCheck.applies(entry.attachment())) {
            keys = (keys.isEmpty() ? "" : keys + "; ") + text.get("conversation.keys.check");
        }
        String accessible = (sender + ", " + time + ": " + body + (spoken.isEmpty() ? "" : ". " + spoken) + " " + state)
                .strip() + (keys.isEmpty() ? "" : ". " + keys);
        return new TimelineRow(entry.id(), sender, own, time, body, fullBody, truncated, entry.kind(),
                entry.attachment(), state,
                canRetry, isProblem(entry), marker, tooltip, trust.severity(), accessible);
    }

    /** The start of a long text, with the character count saying how much more there is. */
    private String shortened(String body) {
        if (body.length() <= SHOWN_TEXT_CHARS) {
            return body;
        }
        int end = SHOWN_TEXT_CHARS;
        if (Character.isHighSurrogate(body.charAt(end - 1))) {
            end--; // never cut an emoji or other supplementary character in half
        }
        return body.substring(0, end) + "…\n" + text.get("conversation.truncated", count(body.length()));
    }

    private String count(long value) {
        return AppFormats.count(value, text.bundle().getLocale());
    }

    private static boolean isProblem(TimelineEntry entry) {
        return entry.kind() == TimelineEntry.Kind.UNDECRYPTABLE || entry.kind() == TimelineEntry.Kind.MALFORMED
                || entry.trust().severity() == MessageTrust.Severity.WARNING;
    }

    private String describe(TimelineEntry entry) {
        return switch (entry.kind()) {
            case TEXT, NOTICE, INTERNAL_NOTE, CASE_CHANGE -> entry.body();
            case FILE, IMAGE -> text.get("conversation.file", entry.attachment().name());
            case POLL_START -> pollSummary(entry);
            case POLL_END -> text.get("conversation.pollEnded");
            case UNDECRYPTABLE -> undecryptable(entry.problem());
            case MALFORMED -> text.get("conversation.malformed");
            case POLL_RESPONSE, OTHER -> "";
        };
    }

    /** Why it still waits, in words: a key that may yet arrive differs from one that never will. */
    private String undecryptable(String problem) {
        String key = "conversation.undecryptable." + problem;
        return problem != null && text.bundle().containsKey(key) ? withLogFolder(key)
                : text.get("conversation.undecryptable");
    }

    /**
     * Texts that send the reader to the log name its folder as {0}. Only those go through MessageFormat: it would eat
     * the apostrophes of the others ("sender's").
     */
    private String withLogFolder(String key) {
        return text.bundle().getString(key).contains("{0}") ? text.get(key, LogLocation.directory()) : text.get(key);
    }

    private String pollSummary(TimelineEntry entry) {
        if (entry.sendState() != null && entry.sendState() != TimelineEntry.SendState.SENT) {
            return text.get("conversation.poll", entry.poll().question(), "");
        }
        PollTally.Result result = conversations.pollResult(roomId, entry.id());
        if (entry.poll().kind() == de.amtsdesk.core.conversation.Poll.Kind.UNDISCLOSED && !result.ended()) {
            // MSC3381: an undisclosed poll shows its results only once it has ended.
            return text.get("conversation.poll", entry.poll().question(),
                    text.get("conversation.poll.undisclosed", result.voters()));
        }
        List<de.amtsdesk.core.conversation.Poll.Answer> answers = entry.poll().answers();
        String counts = answers.stream().limit(SHOWN_POLL_ANSWERS)
                .map(a -> shortened(a.text()) + ": " + result.count(a.id()))
                .collect(Collectors.joining(" · "));
        if (answers.size() > SHOWN_POLL_ANSWERS) {
            // The rest as a count with their votes, so the shown numbers still add up to the whole tally.
            int hiddenVotes = answers.subList(SHOWN_POLL_ANSWERS, answers.size()).stream()
                    .mapToInt(a -> result.count(a.id())).sum();
            counts += " · " + text.get("conversation.poll.more", count(answers.size() - SHOWN_POLL_ANSWERS),
                    hiddenVotes, count(hiddenVotes));
        }
        return text.get("conversation.poll", shortened(entry.poll().question()), counts);
    }

    /** Rows of the local timeline above the shown page ("load older" shows them without the server). */
    public boolean hasOlderLocally() {
        return olderLocally;
    }

    public ObservableList<TimelineRow> rows() {
        return rows;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    /** Empty for an encrypted room (the norm); otherwise says that nothing goes out before encryption is on. */
    public ReadOnlyStringProperty encryptionWarningProperty() {
        return encryptionWarning.getReadOnlyProperty();
    }

    /** The view sets this from its window (showing and focused): read receipts go out only while it is true. */
    public BooleanProperty attendedProperty() {
        return attended;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
