package de.amtsdesk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * "Open" for a citizen's attachment, without the toolkit and without starting a program: the opener is a fake that
 * records what it was handed. Decrypted into a private directory, a warning first for types that can run code, the
 * copies gone after {@link OpenedAttachments#deleteAll()}.
 */
class OpenAttachmentViewModelTest {

    private static final String ROOM = "!antrag:amt.example";
    private static final String AGENCY = "@amt:amt.example";
    private static final String CITIZEN = "@erika:buerger.example";
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path temp;

    private final List<TimelineEntry> entries = new ArrayList<>();
    private final StubConversations conversations = new StubConversations(entries, Map.of(CITIZEN, "Erika"));
    private final List<Path> openedFiles = new ArrayList<>();
    private SystemOpener opener = openedFiles::add;
    private OpenedAttachments copies;

    private ConversationViewModel viewModel(Locale locale) {
        copies = new OpenedAttachments(temp);
        Translations text = Translations.load("de.amtsdesk.app.messages", locale, getClass().getClassLoader());
        return new ConversationViewModel(ROOM, AGENCY, conversations, DIRECT, DIRECT, text, ZoneId.of("Europe/Berlin"),
                new ConversationViewModel.OpenWithSystem(copies, file -> opener.open(file)));
    }

    private void file(String id, String sender, String name) {
        entries.add(new TimelineEntry(id, ROOM, sender, Instant.parse("2026-12-01T09:05:00Z"), TimelineEntry.Kind.FILE,
                name, new Attachment(name, "application/octet-stream", 3, "{}", null), null, null, null, null,
                MessageTrust.VERIFIED));
    }

    private static TimelineRow row(ConversationViewModel vm, String id) {
        vm.refresh();
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aCitizensPdfIsDecryptedIntoAnOwnerOnlyDirectoryAndHandedToTheSystem() throws IOException {
        file("$1", CITIZEN, "bescheid.pdf");
        conversations.attachmentContent = "%PDF".getBytes(StandardCharsets.US_ASCII);
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        TimelineRow row = row(vm, "$1");

        assertThat(vm.canOpen(row)).isTrue();
        assertThat(vm.openWarning(row)).isEmpty();
        vm.openAttachment(row);

        assertThat(openedFiles).singleElement().satisfies(file -> {
            assertThat(file.getFileName()).hasToString("bescheid.pdf");
            assertThat(file).startsWith(copies.directory()).hasBinaryContent("%PDF".getBytes(StandardCharsets.US_ASCII));
        });
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copies.directory())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(openedFiles.get(0).getParent())))
                    .isEqualTo("rwx------");
        }
        assertThat(vm.noticeProperty().get()).contains("bescheid.pdf").contains("gelöscht");
    }

    @Test
    void ownFilesAndConversationsWithoutOpeningOfferNoOpen() {
        file("$own", AGENCY, "antwort.pdf");
        file("$1", CITIZEN, "bescheid.pdf");
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        assertThat(vm.canOpen(row(vm, "$own"))).isFalse();

        Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN, getClass().getClassLoader());
        ConversationViewModel saveOnly = new ConversationViewModel(ROOM, AGENCY, conversations, DIRECT, DIRECT, text,
                ZoneId.of("Europe/Berlin"));
        TimelineRow row = row(saveOnly, "$1");
        assertThat(saveOnly.canOpen(row)).isFalse();
        assertThat(row.accessibleText()).doesNotContain("Strg+O");
    }

    @Test
    void theRowSaysWhichKeyOpens() {
        file("$1", CITIZEN, "bescheid.pdf");
        assertThat(row(viewModel(Locale.GERMAN), "$1").accessibleText())
                .endsWith("Enter speichert den Anhang, Strg+O öffnet ihn; Kontextmenü für weitere Aktionen");
        assertThat(row(viewModel(Locale.ENGLISH), "$1").accessibleText()).contains("Ctrl+O opens it");
    }

    @Test
    void everyTypeThatCanRunCodeIsNamedBeforeOpening() {
        List<String> risky = List.of("exe", "msi", "bat", "cmd", "js", "vbs", "ps1", "jar", "sh", "lnk", "scr", "com",
                "html", "htm", "svg");
        for (int i = 0; i < risky.size(); i++) {
            file("$r" + i, CITIZEN, "Anlage." + risky.get(i).toUpperCase(Locale.ROOT));
        }
        file("$pdf", CITIZEN, "Anlage.pdf");
        ConversationViewModel vm = viewModel(Locale.ENGLISH);
        for (int i = 0; i < risky.size(); i++) {
            String extension = risky.get(i);
            assertThat(vm.openWarning(row(vm, "$r" + i))).as(extension).hasValueSatisfying(q -> assertThat(q)
                    .contains("“Anlage." + extension.toUpperCase(Locale.ROOT) + "”").contains("." + extension + " file")
                    .contains("run programs"));
        }
        assertThat(vm.openWarning(row(vm, "$pdf"))).isEmpty();
    }

    @Test
    void aNameDisguisedWithBidiControlsOrTrailingDotsIsWarnedAboutUnderItsRealName() {
        // Shown as "rechnungexe.pdf" by a bidi-obeying display; Windows would run "x.exe." as x.exe.
        file("$bidi", CITIZEN, "rechnung\u202Efdp.exe");
        file("$dots", CITIZEN, "scan.pdf.exe. . ");
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        assertThat(vm.openWarning(row(vm, "$bidi"))).hasValueSatisfying(q -> assertThat(q)
                .contains("„rechnungfdp.exe“").doesNotContain("\u202E"));
        assertThat(vm.openWarning(row(vm, "$dots"))).hasValueSatisfying(q -> assertThat(q).contains("„scan.pdf.exe“"));
    }

    @Test
    void aNameWithAPathStaysInsideThePrivateDirectory() {
        file("$1", CITIZEN, "../../.config/autostart/evil.pdf");
        file("$2", CITIZEN, "..\\..\\Startup\\evil.pdf");
        conversations.attachmentContent = new byte[] {1};
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        vm.openAttachment(row(vm, "$1"));
        vm.openAttachment(row(vm, "$2"));

        assertThat(openedFiles).hasSize(2).allSatisfy(file -> {
            assertThat(file.normalize()).startsWith(copies.directory());
            assertThat(file.getFileName()).hasToString("evil.pdf");
        });
        assertThat(openedFiles.get(0)).isNotEqualTo(openedFiles.get(1)); // same name, no collision
    }

    @Test
    void noProgramOrNoDesktopIsSaidAndTheCopyIsCleanedUpLater() {
        file("$1", CITIZEN, "antrag.odt");
        conversations.attachmentContent = new byte[] {1};
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        opener = file -> {
            throw new IOException("no association");
        };
        vm.openAttachment(row(vm, "$1"));
        assertThat(vm.noticeProperty().get()).startsWith("Für antrag.odt wurde kein Programm gefunden");

        opener = file -> {
            throw new UnsupportedOperationException("headless");
        };
        vm.openAttachment(row(vm, "$1"));
        assertThat(vm.noticeProperty().get()).contains("„Speichern …“");

        Path directory = copies.directory();
        assertThat(directory).isDirectory();
        copies.deleteAll();
        assertThat(directory).doesNotExist();
    }

    @Test
    void aFailedDecryptionOpensNothing() {
        file("$1", CITIZEN, "antrag.odt");
        conversations.attachmentContent = null; // the stub refuses to save
        ConversationViewModel vm = viewModel(Locale.GERMAN);
        vm.openAttachment(row(vm, "$1"));
        assertThat(openedFiles).isEmpty();
        assertThat(vm.noticeProperty().get()).startsWith("antrag.odt konnte nicht geladen");
    }

    @Test
    void fileNamesAreCleaned() {
        assertThat(SafeFileName.of("CON.txt")).isEqualTo("_CON.txt");
        assertThat(SafeFileName.of("a.pdf:evil.exe")).isEqualTo("a.pdfevil.exe");
        assertThat(SafeFileName.of("...")).isEqualTo(SafeFileName.FALLBACK);
        assertThat(SafeFileName.of(null)).isEqualTo(SafeFileName.FALLBACK);
        assertThat(SafeFileName.of(".bashrc")).isEqualTo("bashrc");
        assertThat(SafeFileName.of("zero\u200Bwidth\u0000.pdf")).isEqualTo("zerowidth.pdf");
        String longName = SafeFileName.of("x".repeat(500) + ".pdf");
        assertThat(longName).hasSize(SafeFileName.MAX_LENGTH).endsWith(".pdf");
    }
}
