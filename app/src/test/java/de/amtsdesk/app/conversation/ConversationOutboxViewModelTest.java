package de.amtsdesk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.UiThread;
import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.ConversationListener;
import de.amtsdesk.core.conversation.Conversations;
import de.amtsdesk.core.conversation.PollTally;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Refused and waiting messages in the conversation, without the toolkit: what the caseworker reads and can do. */
class ConversationOutboxViewModelTest {

    private static final String ROOM = "!r:amt";
    private static final String ME = "@amt:amt";

    private final Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN,
            getClass().getClassLoader());
    private final FakeConversations conversations = new FakeConversations();
    private final ConversationViewModel vm = new ConversationViewModel(ROOM, ME, conversations, Runnable::run,
            UiThread.direct(), text, ZoneId.of("Europe/Berlin"));

    private static TimelineEntry entry(String id, String sender, TimelineEntry.Kind kind, String body,
            TimelineEntry.SendState state, String problem) {
        return new TimelineEntry(id, ROOM, sender, Instant.parse("2026-12-02T08:00:00Z"), kind, body, null, null,
                null, state, problem);
    }

    @Test
    void aRefusedReplySaysWhyAndCanBeTakenBackIntoTheComposer() {
        conversations.entries.add(entry("txn-1", ME, TimelineEntry.Kind.TEXT, "Ihr Bescheid", 
                TimelineEntry.SendState.FAILED, "NOT_ENCRYPTED"));
        conversations.contents.put("txn-1", "{\"msgtype\":\"m.text\",\"body\":\"Ihr Bescheid\"}");
        vm.refresh();

        TimelineRow row = vm.rows().getFirst();
        assertThat(row.canRetry()).isTrue();
        assertThat(row.state()).startsWith("nicht gesendet: Der Raum ist nicht verschlüsselt")
                .contains("im Klartext wird nie gesendet");

        vm.discard(row);
        assertThat(conversations.discarded).containsExactly("txn-1");
        assertThat(vm.draftProperty().get()).isEqualTo("Ihr Bescheid");
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void theComposerSaysWhenARoomIsNotEncrypted() {
        vm.refresh();
        assertThat(vm.encryptionWarningProperty().get()).isEmpty();
        conversations.encrypted = false;
        vm.refresh();
        assertThat(vm.encryptionWarningProperty().get()).startsWith("Dieser Raum ist NICHT verschlüsselt");
    }

    @Test
    void aMessageTooLargeForTheServerIsNamedAsSuch() {
        conversations.entries.add(entry("txn-2", ME, TimelineEntry.Kind.TEXT, "x", TimelineEntry.SendState.FAILED,
                "M_TOO_LARGE"));
        vm.refresh();
        assertThat(vm.rows().getFirst().state()).startsWith("nicht gesendet: zu groß für den Homeserver");
    }

    @Test
    void theComposerWarnsBeforeTheServerLimitAndWillNotSend() {
        vm.draftProperty().set("a".repeat(39_000));
        assertThat(vm.canSendProperty().get()).isTrue();
        assertThat(vm.noticeProperty().get()).isEmpty();
        vm.draftProperty().set("ä".repeat(25_000)); // 50,000 bytes in UTF-8
        assertThat(vm.canSendProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get()).startsWith("Die Nachricht ist zu lang");
        vm.draftProperty().set("kurz");
        assertThat(vm.noticeProperty().get()).isEmpty();
        assertThat(vm.canSendProperty().get()).isTrue();
    }

    @Test
    void waitingMessagesSayWhatTheyWaitFor() {
        conversations.entries.add(entry("$a", "@b:x", TimelineEntry.Kind.UNDECRYPTABLE, "", null, "MISSING_ROOM_KEY"));
        conversations.entries.add(entry("$b", "@b:x", TimelineEntry.Kind.UNDECRYPTABLE, "", null, "MALFORMED_EVENT"));
        conversations.entries.add(entry("$c", "@b:x", TimelineEntry.Kind.UNDECRYPTABLE, "", null, null));
        vm.refresh();
        assertThat(vm.rows()).extracting(TimelineRow::text).containsExactly(
                text.get("conversation.undecryptable.MISSING_ROOM_KEY"),
                text.get("conversation.undecryptable.MALFORMED_EVENT"),
                text.get("conversation.undecryptable"));
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.problem()).isTrue());
    }

    private static final class FakeConversations implements Conversations {
        final List<TimelineEntry> entries = new ArrayList<>();
        final Map<String, String> contents = new java.util.HashMap<>();
        final List<String> discarded = new ArrayList<>();
        boolean encrypted = true;

        @Override
        public boolean isEncrypted(String roomId) {
            return encrypted;
        }

        @Override
        public List<TimelineEntry> timeline(String roomId) {
            return List.copyOf(entries);
        }

        @Override
        public String sendText(String roomId, String body) {
            return "txn";
        }

        @Override
        public String sendFile(String roomId, Path file) {
            return "txn";
        }

        @Override
        public String sendPoll(String roomId, String question, List<String> answers) {
            return "txn";
        }

        @Override
        public void retry(String transactionId) {
        }

        @Override
        public Optional<String> discard(String transactionId) {
            discarded.add(transactionId);
            entries.removeIf(e -> e.id().equals(transactionId));
            return Optional.ofNullable(contents.get(transactionId));
        }

        @Override
        public String saveAttachment(Attachment attachment, Path target) {
            return "";
        }

        @Override
        public PollTally.Result pollResult(String roomId, String pollStartEventId) {
            return new PollTally.Result(Map.of(), 0, false);
        }

        @Override
        public void markRead(String roomId, String eventId) {
        }

        @Override
        public void addListener(ConversationListener listener) {
        }

        @Override
        public void removeListener(ConversationListener listener) {
        }
    }
}
