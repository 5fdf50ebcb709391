package de.amtsdesk.core.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.notice.VerificationReport.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing with a key on a real PKCS#11 token: SoftHSM2 (Debian softhsm2 + opensc's pkcs11-tool), with a private
 * token directory under target/ (SOFTHSM2_CONF is set by Surefire, see core/pom.xml). Fails where SoftHSM2 is
 * not installed.
 */
class NoticePkcs11Test {

    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String PIN = "123456";
    static final String TOKEN = "amtsdesk-notices";

    @BeforeAll
    static void tokenWithTheSignersKey() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        // A real token is the point of this test: without SoftHSM2 it fails (never skips); .ci/run installs it.
        org.assertj.core.api.Assertions.assertThat(conf != null && Files.isRegularFile(LIBRARY)
                && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"))
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

        NoticeTestPki pki = NoticeTestPki.get();
        Path key = dir.resolve("signer-key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pki.privateKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Path cert = dir.resolve("signer-cert.der");
        Files.write(cert, pki.certificate.getEncoded());
        run(conf, "softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--pin", PIN, "--so-pin", "654321");
        run(conf, "softhsm2-util", "--import", key.toString(), "--token", TOKEN, "--label", "notice-signer",
                "--id", "01", "--pin", PIN);
        // SunPKCS11 shows a private key only together with a certificate of the same ID
        run(conf, "pkcs11-tool", "--module", LIBRARY.toString(), "--token-label", TOKEN, "--login", "--pin", PIN,
                "--write-object", cert.toString(), "--type", "cert", "--id", "01", "--label", "notice-signer");
        Files.delete(key); // the key now lives only in the token
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

    @Test
    void aNoticeSignedOnTheTokenVerifiesIntactAndStaysPdfA3b() throws Exception {
        NoticeTestPki pki = NoticeTestPki.get();
        NoticePdfWriter.RenderedNotice notice = NoticeComposeTest.render("identity.documents-missing", Locale.ENGLISH);
        NoticeSigner signer = new NoticeSigner(new Pkcs11KeySource(LIBRARY, 0, PIN.toCharArray(), null), pki.tsa,
                NoticeComposeTest.CLOCK);

        byte[] signed = signer.sign(notice.pdf(), notice.signatureBox(), NoticeSigner.Level.B_T,
                NoticeSigningTest.DETAILS);

        VerificationReport report = new NoticeVerifier(pki.trust, VerificationLimits.DEFAULT).verify(signed);
        assertThat(report.verdict()).isEqualTo(Verdict.INTACT);
        assertThat(report.signatures().getFirst().indication()).isEqualTo("TOTAL_PASSED");
        assertThat(report.signatures().getFirst().signer()).isEqualTo("good-user");
        assertThat(report.signatures().getFirst().timestampTime()).isNotNull();
        assertThat(PdfA.validate3b(signed).compliant()).isTrue();
        if (Pdfsig.available()) {
            assertThat(Pdfsig.run(signed)).contains("Signature is Valid").contains("good-user");
        }
    }

    @Test
    void aWrongPinIsRefusedWithAReason() {
        NoticeSigner signer = new NoticeSigner(new Pkcs11KeySource(LIBRARY, 0, "000000".toCharArray(), null), null,
                NoticeComposeTest.CLOCK);
        assertThatThrownBy(() -> signer.sign(new byte[] {1}, NoticeLayout.signatureBox(1), NoticeSigner.Level.B_B,
                NoticeSigningTest.DETAILS)).isInstanceOf(NoticeSigningException.class)
                .hasMessageMatching("(?s).*(cannot open|could not read the keys of) PKCS#11 token 0.*");
    }
}
