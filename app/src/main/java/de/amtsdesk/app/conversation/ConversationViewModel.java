package de.amtsdesk.app.conversation;

import de.amtsdesk.core.conversation.ConversationListener;
import de.amtsdesk.core.conversation.Conversations;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.PollTally;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
    private final ReadOnlyStringWrapper encryptionWarning = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSend;

    public ConversationViewModel(String roomId, String ownUserId, Conversations conversations, Executor background,
            Executor ui, Translations text, ZoneId zone) {
        this.roomId = roomId;
        this.ownUserId = ownUserId;
        this.conversations = conversations;
        this.background = background;
        this.ui = ui;
        this.text = text;
        java.util.Locale locale = text.bundle().getLocale();
        // The German texts are the base bundle (empty locale): format dates the German way then too.
        this.timeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(locale.getLanguage().isEmpty() ? java.util.Locale.GERMAN : locale).withZone(zone);
        this.canSend = Bindings.createBooleanBinding(() -> !draft.get().isBlank() && !tooLarge(draft.get()), draft);
        draft.addListener((obs, old, now) -> {
            // Warn while typing, not after the server refused: an encrypted event must stay below its size limit.
            if (tooLarge(now)) {
                notice.set(text.get("conversation.tooLarge", MAX_TEXT_BYTES / 1000));
            } else if (tooLarge(old)) {
                notice.set("");
            }
        });
        conversations.addListener(this);
    }

    public String roomId() {
        return roomId;
    }

    public void refresh() {
        background.execute(() -> {
            boolean encrypted = conversations.isEncrypted(roomId);
            ui.execute(() -> encryptionWarning.set(encrypted ? "" : text.get("conversation.notEncrypted")));
            List<TimelineEntry> entries = conversations.timeline(roomId);
            List<TimelineRow> newRows = entries.stream()
                    .filter(e -> e.kind() != TimelineEntry.Kind.POLL_RESPONSE && e.kind() != TimelineEntry.Kind.OTHER)
                    .map(this::toRow)
                    .toList();
            ui.execute(() -> rows.setAll(newRows));
            entries.stream().filter(e -> e.sendState() == null && !e.id().isEmpty()).reduce((a, b) -> b)
                    .ifPresent(last -> conversations.markRead(roomId, last.id()));
        });
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
        draft.set("");
        background.execute(() -> {
            conversations.sendText(roomId, body);
            refresh();
        });
    }

    /** Scrolling up: one page of older history from the server; says when the start of the room is reached. */
    public void loadOlder() {
        background.execute(() -> {
            try {
                int added = conversations.loadOlder(roomId);
                ui.execute(() -> notice.set(added == 0 ? text.get("conversation.older.none") : ""));
                refresh();
            } catch (Exception e) {
                LOG.warn("older history not loaded: {}", e.getClass().getSimpleName());
                ui.execute(() -> notice.set(text.get("conversation.older.failed")));
            }
        });
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

    public void sendFile(Path file) {
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

    public void sendPoll(String question, List<String> answers) {
        List<String> cleaned = answers.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        if (question.isBlank() || cleaned.size() < 2) {
            notice.set(text.get("conversation.pollIncomplete"));
            return;
        }
        background.execute(() -> {
            conversations.sendPoll(roomId, question.strip(), cleaned);
            refresh();
        });
    }

    public void retry(TimelineRow row) {
        background.execute(() -> {
            conversations.retry(row.id());
            refresh();
        });
    }

    public void saveAttachment(TimelineRow row, Path target) {
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

    public void dispose() {
        conversations.removeListener(this);
    }

    private TimelineRow toRow(TimelineEntry entry) {
        boolean own = ownUserId.equals(entry.sender()) || entry.sendState() != null;
        String sender = own ? text.get("conversation.you") : conversations.senderName(roomId, entry.sender());
        String time = timeFormat.format(entry.timestamp());
        String state = entry.sendState() == null ? "" : text.get("conversation.state." + entry.sendState().name());
        if (entry.sendState() == TimelineEntry.SendState.FAILED && entry.problem() != null
                && text.bundle().containsKey("conversation.failed." + entry.problem())) {
            // The outbox's reason, so the caseworker knows why and what to do (not just "failed").
            state = text.get("conversation.failed." + entry.problem());
        }
        String body = describe(entry);
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
        String accessible = (sender + ", " + time + ": " + body + (spoken.isEmpty() ? "" : ". " + spoken) + " " + state)
                .strip();
        return new TimelineRow(entry.id(), sender, own, time, body, entry.kind(), entry.attachment(), state,
                entry.sendState() == TimelineEntry.SendState.FAILED, isProblem(entry), marker, tooltip,
                trust.severity(), accessible);
    }

    private static boolean isProblem(TimelineEntry entry) {
        return entry.kind() == TimelineEntry.Kind.UNDECRYPTABLE || entry.kind() == TimelineEntry.Kind.MALFORMED
                || entry.trust().severity() == MessageTrust.Severity.WARNING;
    }

    private String describe(TimelineEntry entry) {
        return switch (entry.kind()) {
            case TEXT, NOTICE -> entry.body();
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
        return problem != null && text.bundle().containsKey(key) ? text.get(key) : text.get("conversation.undecryptable");
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
        String counts = entry.poll().answers().stream()
                .map(a -> a.text() + ": " + result.count(a.id()))
                .collect(Collectors.joining(" · "));
        return text.get("conversation.poll", entry.poll().question(), counts);
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

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
