package de.amtsdesk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.Poll;
import de.amtsdesk.core.conversation.PollNamespace;
import de.amtsdesk.core.conversation.PollTally;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue "caseworker workspace", bad input: a 1 MB message, names with bidi overrides and zero-width characters, HTML,
 * a poll with 10,000 answers and a room with 5,000 messages, through the view model without the toolkit.
 */
class HostileTimelineViewModelTest {

    private static final String ROOM = "!antrag:amt.example";
    private static final String AGENCY = "@amt:amt.example";
    private static final String CITIZEN = "@erika:buerger.example";
    private static final Executor DIRECT = Runnable::run;
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final List<TimelineEntry> entries = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final StubConversations engine = new StubConversations(entries, names);

    private ConversationViewModel viewModel(Locale locale) {
        Translations text = Translations.load("de.amtsdesk.app.messages", locale, getClass().getClassLoader());
        ConversationViewModel vm = new ConversationViewModel(ROOM, AGENCY, engine, DIRECT, DIRECT, text,
                ZoneId.of("Europe/Berlin"));
        vm.refresh();
        return vm;
    }

    private void text(String id, String sender, String body, int second) {
        entries.add(new TimelineEntry(id, ROOM, sender, T0.plusSeconds(second), TimelineEntry.Kind.TEXT, body, null,
                null, null, null, null, MessageTrust.UNVERIFIED_IDENTITY));
    }

    private static TimelineRow row(ConversationViewModel vm, String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static String megabyte() {
        StringBuilder body = new StringBuilder(1_000_000);
        for (int i = 0; body.length() < 1_000_000; i++) {
            body.append("Zeile ").append(i).append(": Unterlagen zum Antrag.\n");
        }
        body.setLength(1_000_000);
        return body.toString();
    }

    @Test
    void aMegabyteMessageIsShownShortenedAndKeptWhole(@TempDir Path dir) throws Exception {
        String body = megabyte();
        text("$big", CITIZEN, body, 0);

        ConversationViewModel vm = viewModel(Locale.GERMAN);
        TimelineRow row = row(vm, "$big");

        assertThat(row.truncated()).isTrue();
        assertThat(row.text()).startsWith(body.substring(0, ConversationViewModel.SHOWN_TEXT_CHARS))
                .hasSizeLessThan(ConversationViewModel.SHOWN_TEXT_CHARS + 200)
                .contains("1.000.000 Zeichen insgesamt");
        assertThat(row.fullText()).isEqualTo(body);
        assertThat(row.accessibleText()).hasSizeLessThan(ConversationViewModel.SHOWN_TEXT_CHARS + 400)
                .endsWith("Enter zeigt die ganze Nachricht; Kontextmenü für weitere Aktionen");

        Path saved = dir.resolve("nachricht.txt");
        vm.saveText(row, saved);
        assertThat(Files.readString(saved, StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(vm.noticeProperty().get()).contains("nachricht.txt");
    }

    @Test
    void aShortMessageIsNotTouchedAndACutNeverSplitsACharacter() {
        text("$short", CITIZEN, "Guten Tag", 0);
        // An emoji (two chars) exactly across the cut: the cut moves before it.
        String emoji = "x".repeat(ConversationViewModel.SHOWN_TEXT_CHARS - 1) + "😀" + "y".repeat(10);
        text("$emoji", CITIZEN, emoji, 1);

        ConversationViewModel vm = viewModel(Locale.ENGLISH);

        assertThat(row(vm, "$short").truncated()).isFalse();
        assertThat(row(vm, "$short").text()).isEqualTo("Guten Tag");
        String shown = row(vm, "$emoji").text();
        assertThat(shown).startsWith("x".repeat(ConversationViewModel.SHOWN_TEXT_CHARS - 1) + "…")
                .contains("characters in all");
        assertThat(row(vm, "$emoji").fullText()).isEqualTo(emoji);
    }

    @Test
    void namesWithBidiOverridesOrZeroWidthCharactersNeverPassForTheAgency() {
        Map<String, String> hostile = Map.of(
                "@s1:evil.example", "S\u200Bie",
                "@s2:evil.example", "\u202EBehörde (Sie)\u202C",
                "@s3:evil.example", "Beh\u200Dörde\u2066 (Sie)",
                "@s4:evil.example", "\uFEFFYou",
                "@s5:evil.example", "Agency\u00A0(you)");
        int second = 0;
        for (var name : hostile.entrySet()) {
            names.put(name.getKey(), name.getValue());
            text("$" + name.getKey(), name.getKey(), "Bitte überweisen Sie an DE00 1234", second++);
        }
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            ConversationViewModel vm = viewModel(locale);
            for (String userId : hostile.keySet()) {
                TimelineRow row = row(vm, "$" + userId);
                assertThat(row.own()).isFalse();
                assertThat(row.sender()).as(userId).contains(userId)
                        .isNotIn("Sie", "You", "Behörde (Sie)", "Agency (you)")
                        .doesNotContain("\u200B", "\u202E", "\u202C", "\u200D", "\u2066", "\uFEFF");
            }
        }
    }

    @Test
    void bidiOverridesInABodyAreShownAsMarksNotObeyedAndSavedAsSent() {
        // "Rechnung\u202Efdp.exe" would read "Rechnungexe.pdf"; an isolate could reorder an IBAN's digits.
        text("$rlo", CITIZEN, "Rechnung\u202Efdp.exe", 0);
        text("$iban", CITIZEN, "IBAN DE00 \u20661234\u2069 5678", 1);
        text("$arabic", CITIZEN, "\u0645\u0631\u062D\u0628\u0627\u200F 👩\u200D💻", 2);

        ConversationViewModel vm = viewModel(Locale.GERMAN);

        assertThat(row(vm, "$rlo").text()).isEqualTo("Rechnung[U+202E]fdp.exe");
        assertThat(row(vm, "$rlo").fullText()).isEqualTo("Rechnung\u202Efdp.exe");
        assertThat(row(vm, "$rlo").truncated()).isFalse();
        assertThat(row(vm, "$iban").text()).isEqualTo("IBAN DE00 [U+2066]1234[U+2069] 5678");
        assertThat(row(vm, "$rlo").accessibleText()).contains("Rechnung[U+202E]fdp.exe");
        // Ordinary right-to-left marks and emoji joiners are text, not tricks: untouched.
        assertThat(row(vm, "$arabic").text()).isEqualTo("\u0645\u0631\u062D\u0628\u0627\u200F 👩\u200D💻");
    }

    @Test
    void htmlIsShownAsTheLettersItIsMadeOf() {
        String html = "<b>Wichtig</b><img src=\"https://tracker.example/p.png\"><a href=\"https://evil.example\">Amt</a>";
        text("$html", CITIZEN, html, 0);

        TimelineRow row = row(viewModel(Locale.GERMAN), "$html");

        assertThat(row.text()).isEqualTo(html);
        assertThat(row.truncated()).isFalse();
    }

    @Test
    void aPollWithTenThousandAnswersNamesTheFirstAndCountsTheRest() {
        List<Poll.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            answers.add(new Poll.Answer("a" + i, "Antwort " + i));
        }
        Poll poll = new Poll(PollNamespace.UNSTABLE, "Welcher Termin?", answers, 1, Poll.Kind.DISCLOSED);
        entries.add(new TimelineEntry("$poll", ROOM, CITIZEN, T0, TimelineEntry.Kind.POLL_START, "", null, poll, null,
                null, null, MessageTrust.UNVERIFIED_IDENTITY));
        engine.pollResults.put("$poll", new PollTally.Result(Map.of("a0", 3, "a19", 1, "a20", 2, "a9999", 4), 10,
                false));

        long start = System.nanoTime();
        TimelineRow row = row(viewModel(Locale.GERMAN), "$poll");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(row.text()).startsWith("Umfrage: Welcher Termin? Antwort 0: 3 · Antwort 1: 0")
                .contains("Antwort 19: 1").doesNotContain("Antwort 20:")
                // 9,980 answers not named, their 6 votes still counted: 3 + 1 + 6 = all 10.
                .endsWith("9.980 weitere Antworten mit zusammen 6 Stimmen");
        assertThat(row.text()).hasSizeLessThan(1_000);
        assertThat(millis).as("building the row").isLessThan(2_000);
    }

    @Test
    void aRoomWithFiveThousandMessagesOpensWithItsNewestPage() {
        for (int i = 0; i < 5_000; i++) {
            text("$m" + i, CITIZEN, "Nachricht " + i, i);
        }

        long start = System.nanoTime();
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(vm.rows()).hasSize(ConversationViewModel.PAGE);
        assertThat(vm.rows().get(vm.rows().size() - 1).id()).isEqualTo("$m4999");
        assertThat(vm.rows().get(0).id()).isEqualTo("$m" + (5_000 - ConversationViewModel.PAGE));
        assertThat(vm.hasOlderLocally()).isTrue();
        assertThat(millis).as("opening 5,000 messages").isLessThan(3_000);

        // Older pages come from what is already here, without the server, and nothing is skipped.
        vm.loadOlder();
        assertThat(vm.rows()).hasSize(2 * ConversationViewModel.PAGE);
        assertThat(vm.rows().get(0).id()).isEqualTo("$m" + (5_000 - 2 * ConversationViewModel.PAGE));
        assertThat(engine.olderRequests).hasValue(0);
        while (vm.hasOlderLocally()) {
            vm.loadOlder();
        }
        assertThat(vm.rows()).hasSize(5_000);
        assertThat(engine.olderRequests).hasValue(0);
        // Only at the start of what is here does "older" ask the server.
        assertThat(vm.beginningReached()).isFalse();
        vm.loadOlder();
        assertThat(engine.olderRequests).hasValue(1);
        // The server had nothing older: scrolling to the top stops asking.
        assertThat(vm.beginningReached()).isTrue();
    }

    @Test
    void aNewMessageInALongRoomKeepsThePageAndAddsTheMessage() {
        for (int i = 0; i < 5_000; i++) {
            text("$m" + i, CITIZEN, "Nachricht " + i, i);
        }
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        TimelineRow kept = vm.rows().get(100);

        engine.arrive(new TimelineEntry("$new", ROOM, CITIZEN, T0.plusSeconds(6_000), TimelineEntry.Kind.TEXT, "Neu",
                null, null, null, null, null, MessageTrust.UNVERIFIED_IDENTITY));

        assertThat(vm.rows()).hasSize(ConversationViewModel.PAGE);
        assertThat(vm.rows().get(vm.rows().size() - 1).id()).isEqualTo("$new");
        // Rows that stay are the same objects: the list was edited in place, not rebuilt.
        assertThat(vm.rows()).contains(kept);
        assertThat(vm.rows().stream().filter(r -> r == kept)).hasSize(1);
    }
}
