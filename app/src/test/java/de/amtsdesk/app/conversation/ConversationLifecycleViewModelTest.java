package de.amtsdesk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.Poll;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without the toolkit: a conversation stops listening and sending receipts once disposed, sends receipts only for
 * what the caseworker can see, tells own messages from citizens by user ID, and guards the composer's actions.
 */
class ConversationLifecycleViewModelTest {

    private static final String ROOM = "!antrag:amt.example";
    private static final String AGENCY = "@amt:amt.example";
    private static final String CITIZEN = "@erika:buerger.example";
    private static final String MALLORY = "@mallory:evil.example";
    private static final Executor DIRECT = Runnable::run;

    private final List<TimelineEntry> entries = new ArrayList<>();
    private final StubConversations engine = new StubConversations(entries,
            Map.of(CITIZEN, "Erika", MALLORY, "Behörde (Sie)"));

    private ConversationViewModel viewModel(Locale locale) {
        Translations text = Translations.load("de.amtsdesk.app.messages", locale, getClass().getClassLoader());
        return new ConversationViewModel(ROOM, AGENCY, engine, DIRECT, DIRECT, text, ZoneId.of("Europe/Berlin"));
    }

    private static TimelineEntry text(String id, String sender, String body) {
        return new TimelineEntry(id, ROOM, sender, Instant.parse("2026-12-01T09:05:00Z"), TimelineEntry.Kind.TEXT, body,
                null, null, null, null, null, MessageTrust.UNVERIFIED_IDENTITY);
    }

    @Test
    void afterDisposeNoReceiptIsSentAndTheListenerIsGone() {
        ConversationViewModel first = viewModel(Locale.GERMAN);
        ConversationViewModel second = viewModel(Locale.GERMAN);
        assertThat(engine.listeners).hasSize(2);

        first.dispose();
        assertThat(engine.listeners).containsExactly(second);
        first.attendedProperty().set(true);
        engine.arrive(text("$1", CITIZEN, "Hallo"));
        first.refresh();

        assertThat(first.rows()).as("a disposed conversation no longer updates").isEmpty();
        assertThat(engine.receipts).as("no receipt from the disposed conversation").isEmpty();
        second.dispose();
        assertThat(engine.listeners).isEmpty();
    }

    @Test
    void aReceiptGoesOutOnlyWhileTheConversationIsSeen() {
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        entries.add(text("$1", CITIZEN, "Hallo"));
        vm.refresh();
        assertThat(vm.rows()).hasSize(1);
        assertThat(engine.receipts).as("window not focused: not read").isEmpty();

        vm.attendedProperty().set(true);
        assertThat(engine.receipts).as("seen now: the shown message is read").containsExactly("$1");

        vm.attendedProperty().set(false);
        engine.arrive(text("$2", CITIZEN, "Noch eine Frage"));
        assertThat(vm.rows()).hasSize(2);
        assertThat(engine.receipts).as("arrived while the window was in the background").containsExactly("$1");

        vm.attendedProperty().set(true);
        assertThat(engine.receipts).containsExactly("$1", "$2");
        vm.refresh();
        assertThat(engine.receipts).as("no second receipt for the same event").containsExactly("$1", "$2");
    }

    @Test
    void ownMessagesAreDecidedByUserIdAndACitizenCannotPassForTheAgency() {
        entries.add(text("$own", AGENCY, "Antwort"));
        entries.add(text("$fake", MALLORY, "Bitte Kontonummer schicken"));
        entries.add(text("$erika", CITIZEN, "Danke"));
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        vm.refresh();

        TimelineRow own = vm.rows().get(0);
        TimelineRow fake = vm.rows().get(1);
        assertThat(own.own()).isTrue();
        assertThat(own.sender()).isEqualTo("Behörde (Sie)");
        assertThat(fake.own()).isFalse();
        assertThat(fake.sender()).isEqualTo("Behörde (Sie) (" + MALLORY + ")");
        assertThat(fake.accessibleText()).startsWith("Behörde (Sie) (" + MALLORY + "), ");
        assertThat(vm.rows().get(2).sender()).isEqualTo("Erika");
    }

    @Test
    void aNewActionClearsTheLastNotice() {
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        vm.sendPoll("Termin?", List.of("Montag"));
        assertThat(vm.noticeProperty().get()).startsWith("Eine Umfrage braucht");
        // Retrying sets no notice of its own: the old one must not stay and be read as the retry's result.
        vm.retry(new TimelineRow("txn", "Behörde (Sie)", true, "", "x", TimelineEntry.Kind.TEXT, null, "", true,
                false, "", "", MessageTrust.Severity.NONE, ""));
        assertThat(engine.retried).containsExactly("txn");
        assertThat(vm.noticeProperty().get()).isEmpty();
    }

    @Test
    void aComposedPollReachesTheEngineAsComposedAndAnOldStylePollIsSingleChoice() {
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        PollDraft draft = new PollDraft("Welche Unterlagen fehlen?", List.of("Pass", "Foto", "Meldebescheinigung"), 2,
                Poll.Kind.UNDISCLOSED);
        vm.sendPoll(draft);
        vm.sendPoll("Termin?", List.of("Montag", " ", " Dienstag "));
        assertThat(engine.polls).containsExactly(draft,
                new PollDraft("Termin?", List.of("Montag", "Dienstag"), 1, Poll.Kind.DISCLOSED));
        assertThat(vm.noticeProperty().get()).isEmpty();
    }

    @Test
    void aPickedFileIsConfirmedWithNameAndSizeAndAnEmptyOneIsRefused(@TempDir Path dir) throws Exception {
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        Path empty = Files.createFile(dir.resolve("leer.pdf"));
        assertThat(vm.confirmFile(empty)).isEmpty();
        assertThat(vm.noticeProperty().get()).isEqualTo(
                "leer.pdf ist leer (0 Byte) und wird nicht gesendet. Bitte die richtige Datei wählen.");

        Path pdf = Files.write(dir.resolve("bescheid.pdf"), new byte[1500]);
        assertThat(vm.confirmFile(pdf)).contains("bescheid.pdf (1,5 KB) an die Person senden?");
        assertThat(vm.noticeProperty().get()).as("the old notice is gone").isEmpty();
        assertThat(viewModel(Locale.ENGLISH).confirmFile(pdf)).contains("Send bescheid.pdf (1.5 KB) to the person?");
        assertThat(vm.confirmFile(dir.resolve("fehlt.pdf"))).isEmpty();
        assertThat(vm.noticeProperty().get()).isEqualTo("fehlt.pdf kann nicht gelesen werden.");
    }

    @Test
    void rowsSayWhichKeysActOnThemAndOnlyFailedOnesRetry() {
        entries.add(new TimelineEntry("$file", ROOM, CITIZEN, Instant.parse("2026-12-01T09:05:00Z"),
                TimelineEntry.Kind.FILE, "", new Attachment("antrag.pdf", "application/pdf", 10, null, null), null,
                null, null, null, MessageTrust.UNVERIFIED_IDENTITY));
        entries.add(new TimelineEntry("txn1", ROOM, AGENCY, Instant.parse("2026-12-01T09:06:00Z"),
                TimelineEntry.Kind.TEXT, "Antwort", null, null, null, TimelineEntry.SendState.FAILED, "M_FORBIDDEN",
                MessageTrust.OWN_DEVICE));
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        vm.refresh();

        TimelineRow file = vm.rows().get(0);
        TimelineRow failed = vm.rows().get(1);
        assertThat(file.canSave()).isTrue();
        assertThat(file.accessibleText()).endsWith("Enter speichert den Anhang; Kontextmenü für weitere Aktionen");
        assertThat(failed.canRetry()).isTrue();
        assertThat(failed.accessibleText()).endsWith("Strg+R sendet erneut; Kontextmenü für weitere Aktionen");

        vm.retry(file);
        assertThat(engine.retried).as("only a failed message can be sent again").isEmpty();
        vm.retry(failed);
        assertThat(engine.retried).containsExactly("txn1");
    }

    @Test
    void datesFollowTheAppLanguageNotUsMonthFirst() {
        entries.add(text("$1", CITIZEN, "Hallo"));
        ConversationViewModel german = viewModel(Locale.GERMAN);
        german.refresh();
        assertThat(german.rows().get(0).time()).isEqualTo("01.12.2026, 10:05");
        ConversationViewModel english = viewModel(Locale.ENGLISH);
        english.refresh();
        assertThat(english.rows().get(0).time()).isEqualTo("1 Dec 2026, 10:05");
    }
}
