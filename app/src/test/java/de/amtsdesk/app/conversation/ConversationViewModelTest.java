package de.amtsdesk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The conversation's rows without the toolkit: each message's trust marker, tooltip and spoken words. */
class ConversationViewModelTest {

    private static final String ROOM = "!antrag:amt.example";
    private static final String AGENCY = "@amt:amt.example";
    private static final String CITIZEN = "@erika:buerger.example";
    private static final Executor DIRECT = Runnable::run;

    private final List<TimelineEntry> entries = new ArrayList<>();

    private ConversationViewModel viewModel(Locale locale) {
        Translations text = Translations.load("de.amtsdesk.app.messages", locale, getClass().getClassLoader());
        return new ConversationViewModel(ROOM, AGENCY, new StubConversations(entries, Map.of(CITIZEN, "Erika")), DIRECT, DIRECT, text,
                ZoneId.of("Europe/Berlin"));
    }

    private void message(String id, String sender, String body, MessageTrust trust) {
        entries.add(new TimelineEntry(id, ROOM, sender, Instant.parse("2026-12-01T09:05:00Z"),
                TimelineEntry.Kind.TEXT, body, null, null, null, null, null, trust));
    }

    private static TimelineRow row(ConversationViewModel vm, String id) {
        vm.refresh();
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theUsualCitizenMessageGetsOnlyAQuietMarker() {
        message("$1", CITIZEN, "Mein Antrag", MessageTrust.UNVERIFIED_IDENTITY);

        TimelineRow row = row(viewModel(Locale.GERMAN), "$1");

        assertThat(row.trustMarker()).isEqualTo("i");
        assertThat(row.trustSeverity()).isEqualTo(MessageTrust.Severity.INFO);
        assertThat(row.trustTooltip()).startsWith("Identität nicht verifiziert: ").contains("Normalfall");
        assertThat(row.problem()).isFalse();
        // Spoken: the label, not the whole explanation on every citizen message.
        assertThat(row.accessibleText())
                .isEqualTo("Erika, 01.12.2026, 10:05: Mein Antrag. Identität nicht verifiziert");
    }

    @Test
    void eachTrustHasItsMarkerTooltipAndSpokenWords() {
        Map<MessageTrust, String> labels = Map.of(
                MessageTrust.VERIFIED, "Verifiziertes Gerät",
                MessageTrust.UNVERIFIED_IDENTITY, "Identität nicht verifiziert",
                MessageTrust.UNSIGNED_DEVICE, "Gerät nicht bestätigt",
                MessageTrust.UNKNOWN_DEVICE, "Unbekanntes Gerät",
                MessageTrust.UNENCRYPTED, "Unverschlüsselt in einem verschlüsselten Raum");
        labels.keySet().forEach(trust -> message("$" + trust, CITIZEN, "Text", trust));
        ConversationViewModel vm = viewModel(Locale.GERMAN);

        labels.forEach((trust, label) -> {
            TimelineRow row = row(vm, "$" + trust);
            assertThat(row.hasTrustMarker()).as(trust.name()).isTrue();
            assertThat(row.trustTooltip()).as(trust.name()).startsWith(label + ": ");
            assertThat(row.accessibleText()).as(trust.name()).contains("Text. " + label);
            assertThat(row.trustMarker() + row.trustTooltip() + row.accessibleText()).as(trust.name())
                    .doesNotContain("!conversation.");
        });
        assertThat(row(vm, "$VERIFIED").trustMarker()).isEqualTo("✓");
        assertThat(row(vm, "$UNSIGNED_DEVICE").trustMarker()).isEqualTo("⚠ Gerät nicht bestätigt");
        assertThat(row(vm, "$UNKNOWN_DEVICE").trustSeverity()).isEqualTo(MessageTrust.Severity.CAUTION);
        // Where the caseworker should act on it, the advice is spoken too.
        assertThat(row(vm, "$UNKNOWN_DEVICE").accessibleText()).contains("auf einem zweiten Weg prüfen");
    }

    @Test
    void plaintextInAnEncryptedRoomIsAWarningNotAnOrdinaryMessage() {
        message("$klar", CITIZEN, "Bitte überweisen Sie an DE00 1234", MessageTrust.UNENCRYPTED);

        TimelineRow row = row(viewModel(Locale.GERMAN), "$klar");

        assertThat(row.trustMarker()).isEqualTo("⚠ Unverschlüsselt");
        assertThat(row.trustSeverity()).isEqualTo(MessageTrust.Severity.WARNING);
        assertThat(row.problem()).as("the text is shown as a problem").isTrue();
        assertThat(row.text()).isEqualTo("Bitte überweisen Sie an DE00 1234");
        assertThat(row.accessibleText()).isEqualTo("Erika, 01.12.2026, 10:05: Bitte überweisen Sie an DE00 1234. "
                + "Unverschlüsselt in einem verschlüsselten Raum: Diese Nachricht kam unverschlüsselt an. Der Server "
                + "oder Dritte könnten sie gelesen oder verfasst haben. Nicht als Nachricht der Person behandeln, "
                + "bevor sie auf einem zweiten Weg bestätigt ist.");
    }

    @Test
    void ownDeviceAndPlainRoomsCarryNoMarker() {
        message("$selbst", AGENCY, "Antwort", MessageTrust.OWN_DEVICE);
        message("$offen", CITIZEN, "offen", MessageTrust.NONE);
        ConversationViewModel vm = viewModel(Locale.GERMAN);

        for (String id : List.of("$selbst", "$offen")) {
            TimelineRow row = row(vm, id);
            assertThat(row.hasTrustMarker()).as(id).isFalse();
            assertThat(row.trustTooltip()).as(id).isEmpty();
            assertThat(row.trustSeverity()).as(id).isEqualTo(MessageTrust.Severity.NONE);
            assertThat(row.problem()).as(id).isFalse();
        }
        assertThat(row(vm, "$offen").accessibleText()).isEqualTo("Erika, 01.12.2026, 10:05: offen");
    }

    @Test
    void theEnglishBundleSaysTheSame() {
        message("$1", CITIZEN, "My application", MessageTrust.UNKNOWN_DEVICE);

        TimelineRow row = row(viewModel(Locale.ENGLISH), "$1");

        assertThat(row.trustMarker()).isEqualTo("⚠ Unknown device");
        assertThat(row.trustTooltip()).startsWith("Unknown device: The sending device is not known");
        assertThat(row.accessibleText()).contains("My application. Unknown device: ");
    }

    @Test
    void featuresTheAdminPolicyTurnedOffAreHiddenAndRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        StubConversations stub = new StubConversations(entries, Map.of(CITIZEN, "Erika"));
        ConversationViewModel vm = new ConversationViewModel(ROOM, AGENCY, stub, DIRECT, DIRECT,
                Translations.load("de.amtsdesk.app.messages", Locale.GERMAN, getClass().getClassLoader()),
                ZoneId.of("Europe/Berlin"));
        assertThat(vm.pollsAllowedProperty().get()).isTrue();
        assertThat(vm.filesAllowedProperty().get()).isTrue();
        vm.allowFeatures(false, false);
        assertThat(vm.pollsAllowedProperty().get()).isFalse();
        assertThat(vm.filesAllowedProperty().get()).isFalse();
        de.amtsdesk.core.conversation.PollDraft poll = de.amtsdesk.core.conversation.PollDraft.singleChoice(
                "Termin?", List.of("Montag", "Dienstag"));
        vm.sendPoll(poll);
        assertThat(stub.polls).isEmpty();
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("antrag.txt"), "Inhalt");
        assertThat(vm.confirmFile(file)).isEmpty();
        vm.sendFile(file); // the stub would throw if it were reached; a refusal leaves no "unreadable" notice
        assertThat(vm.noticeProperty().get()).isEmpty();
        vm.allowFeatures(true, false);
        vm.sendPoll(poll);
        assertThat(stub.polls).containsExactly(poll);
    }
}
