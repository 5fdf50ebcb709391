package de.amtsdesk.app.notice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.notice.Letterhead;
import de.amtsdesk.core.notice.NoticeTemplateCatalogue;
import de.amtsdesk.core.notice.NoticeVerifier;
import de.amtsdesk.core.notice.TrustAnchors;
import de.amtsdesk.core.notice.TrustSettings;
import de.amtsdesk.core.notice.VerificationLimits;
import de.amtsdesk.core.notice.VerificationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notice editor signs with a key on a real PKCS#11 token (SoftHSM2; SOFTHSM2_CONF set by Surefire, see
 * app/pom.xml): chosen as "Chipkarte oder HSM", library and slot named, the PIN typed. A wrong PIN is said, not
 * crashed on. Fails where SoftHSM2 is not installed.
 */
class NoticeEditorPkcs11Test {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "246810";
    private static final Translations TEXT = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN);
    private static TestSigner signer;

    @BeforeAll
    static void tokenWithTheUnitsKey() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        assertThat(conf != null && Files.isRegularFile(LIBRARY) && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"))
                && Files.isExecutable(Path.of("/usr/bin/pkcs11-tool")))
                .as("SoftHSM2 and opensc installed (apt-get install softhsm2 opensc) and SOFTHSM2_CONF set").isTrue();
        Path dir = Path.of(conf).getParent();
        Path tokens = dir.resolve("tokens");
        if (Files.exists(tokens)) {
            try (var walk = Files.walk(tokens)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n");
        signer = TestSigner.create(dir);
        Path key = dir.resolve("unit-key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64,
                "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(signer.privateKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Path cert = Files.write(dir.resolve("unit-cert.der"), signer.certificate.getEncoded());
        run(conf, "softhsm2-util", "--init-token", "--free", "--label", "amtsdesk-unit", "--pin", PIN, "--so-pin",
                "13579135");
        run(conf, "softhsm2-util", "--import", key.toString(), "--token", "amtsdesk-unit", "--label", "unit",
                "--id", "02", "--pin", PIN);
        // SunPKCS11 shows a private key only together with a certificate of the same ID.
        run(conf, "pkcs11-tool", "--module", LIBRARY.toString(), "--token-label", "amtsdesk-unit", "--login", "--pin",
                PIN, "--write-object", cert.toString(), "--type", "cert", "--id", "02", "--label", "unit");
        Files.delete(key);
    }

    private static void run(String conf, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static NoticeEditorViewModel approvedEditor(FoldDesk anna) {
        String caseId = anna.newCase("!room1:amt.example", "Erika Mustermann");
        NoticeEditorViewModel vm = new NoticeEditorViewModel(anna, caseId, NoticeTemplateCatalogue.builtIn(),
                new Letterhead("Stadt Musterstadt", List.of(), ""), Locale.GERMAN, ZoneId.of("Europe/Berlin"),
                Clock.systemUTC(), (id, pdf, sha, name, message) -> "txn", TEXT, Runnable::run, Runnable::run);
        vm.gaps().forEach(gap -> gap.value().set("Angabe"));
        vm.requestSignOff();
        anna.apply(FoldDesk.BEN, OutgoingStaffEvents.approveNotice(caseId, vm.requestedSha256()));
        assertThat(vm.stageProperty().get()).isEqualTo(NoticeEditorViewModel.Stage.APPROVED);
        return vm;
    }

    @Test
    void theEditorSignsOnTheTokenAndTheNoticeVerifiesAgainstTheUnitsCertificate() {
        NoticeEditorViewModel vm = approvedEditor(new FoldDesk(FoldDesk.ANNA));
        vm.keyKindProperty().set(NoticeEditorViewModel.KeyKind.PKCS11);
        vm.sign(PIN.toCharArray());
        assertThat(vm.messageProperty().get()).isEqualTo(TEXT.get("notice.libraryMissing"));
        vm.pkcs11LibraryProperty().set(LIBRARY.toString());
        vm.pkcs11SlotProperty().set(0);

        vm.sign(PIN.toCharArray());

        assertThat(vm.messageProperty().get()).isEqualTo(TEXT.get("notice.signed"));
        VerificationReport report = new NoticeVerifier(TrustSettings.offline(TrustAnchors.load(
                List.of(signer.certificatePem.toString()), new ArrayList<>())), VerificationLimits.DEFAULT)
                .verify(vm.signedPdf());
        assertThat(report.verdict()).as(report.toString()).isEqualTo(VerificationReport.Verdict.INTACT);
        assertThat(report.signatures().getFirst().signer()).isEqualTo("Wohngeldstelle Test");
        vm.dispose();
    }

    @Test
    void aWrongPinIsSaidAndNothingIsSigned() {
        NoticeEditorViewModel vm = approvedEditor(new FoldDesk(FoldDesk.ANNA));
        vm.keyKindProperty().set(NoticeEditorViewModel.KeyKind.PKCS11);
        vm.pkcs11LibraryProperty().set(LIBRARY.toString());
        vm.sign("000000".toCharArray());
        assertThat(vm.messageProperty().get()).startsWith(TEXT.get("notice.signFailed", "").strip());
        assertThat(vm.signedPdf()).isNull();
        assertThat(vm.stageProperty().get()).isEqualTo(NoticeEditorViewModel.Stage.APPROVED);
        vm.dispose();
    }
}
