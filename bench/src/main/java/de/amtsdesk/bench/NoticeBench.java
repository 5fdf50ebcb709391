package de.amtsdesk.bench;

import de.amtsdesk.core.notice.Letterhead;
import de.amtsdesk.core.notice.NoticeAttachment;
import de.amtsdesk.core.notice.NoticeComposer;
import de.amtsdesk.core.notice.NoticeFacts;
import de.amtsdesk.core.notice.NoticePdfWriter;
import de.amtsdesk.core.notice.NoticeSigner;
import de.amtsdesk.core.notice.NoticeTemplate;
import de.amtsdesk.core.notice.NoticeVerifier;
import de.amtsdesk.core.notice.Pkcs12KeySource;
import de.amtsdesk.core.notice.TrustSettings;
import de.amtsdesk.core.notice.VerificationLimits;
import de.amtsdesk.core.notice.VerificationReport;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * PDF notices (issue 10): sign + time-stamp a 2-page notice (PAdES B-T against a TSA over HTTP on loopback, and B-B
 * for comparison), verify a 100-page signed notice, and the memory of verifying a 50 MB signed PDF in a fresh JVM.
 * Every signed PDF is verified once so a broken signature cannot be measured as fast. Results go to
 * bench/results/notice.txt. Options: --rounds=N (20) --out=FILE.
 */
public final class NoticeBench {

    private static final char[] PASSWORD = "bench".toCharArray();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final NoticeSigner.Details DETAILS = new NoticeSigner.Details("Bescheid", "Musterstadt",
            Locale.GERMAN, BERLIN);

    private NoticeBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--verify-child")) {
            verifyChild(Path.of(args[1]));
            return;
        }
        int rounds = 20;
        Path results = Path.of("bench/results/notice.txt");
        for (String arg : args) {
            if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        Path work = Files.createTempDirectory("amtsdesk-notice-bench");
        List<String> out = new ArrayList<>();
        out.add("# PDF notices: sign + time-stamp, verify 100 pages, memory for a 50 MB PDF (NoticeBench)");
        out.add("date: " + Instant.now());
        out.add("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, load average at start: "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        out.add("java: " + System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        Clock clock = Clock.systemUTC();
        X509Certificate[] certificate = new X509Certificate[1];
        Path p12 = signerKey(work, certificate);
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        anchors.addCertificate(new CertificateToken(certificate[0]));
        NoticeVerifier verifier = new NoticeVerifier(TrustSettings.offline(anchors), VerificationLimits.DEFAULT);

        try (LocalTsa tsa = new LocalTsa()) {
            NoticePdfWriter.RenderedNotice twoPages = render(clock, 2);
            out.add("");
            out.add("sign a " + twoPages.pageCount() + "-page notice (" + twoPages.pdf().length / 1024 + " KB), PKCS#12 key,"
                    + " " + rounds + " warm rounds after the first:");
            NoticeSigner bt = new NoticeSigner(new Pkcs12KeySource(p12, PASSWORD, null),
                    NoticeSigner.onlineTsa(tsa.url()), clock);
            NoticeSigner bb = new NoticeSigner(new Pkcs12KeySource(p12, PASSWORD, null), null, clock);
            out.add(timeSigning("B-T (TSA over HTTP on loopback)", bt, NoticeSigner.Level.B_T, twoPages, rounds,
                    verifier));
            out.add(timeSigning("B-B (no time stamp)", bb, NoticeSigner.Level.B_B, twoPages, rounds, verifier));

            NoticePdfWriter.RenderedNotice hundred = render(clock, 100);
            byte[] signedHundred = bt.sign(hundred.pdf(), hundred.signatureBox(), NoticeSigner.Level.B_T, DETAILS);
            out.add("");
            List<Double> verify = new ArrayList<>();
            VerificationReport report = null;
            for (int i = 0; i <= Math.max(10, rounds / 2); i++) {
                long start = System.nanoTime();
                report = verifier.verify(signedHundred);
                verify.add((System.nanoTime() - start) / 1e6);
            }
            requireNotBroken(report, "100-page notice");
            out.add(String.format(Locale.ROOT, "verify a %d-page signed notice (B-T, %d KB): first %.0f ms, median of "
                    + "%d after it %.0f ms, p90 %.0f ms; verdict %s", hundred.pageCount(),
                    signedHundred.length / 1024, verify.getFirst(), verify.size() - 1,
                    median(verify.subList(1, verify.size())), p90(verify.subList(1, verify.size())),
                    report.verdict()));

            Path big = bigSignedPdf(work, clock, bb);
            out.add("");
            out.add(String.format(Locale.ROOT, "memory: verify a %.1f MB signed PDF (3 attached files of random bytes,"
                    + " B-B) read from its file in a fresh JVM:", Files.size(big) / 1e6));
            String classpath = System.getProperty("java.class.path");
            for (List<String> heap : List.of(List.<String>of(), List.of("-Xmx512m"), List.of("-Xmx256m"))) {
                out.add("  " + (heap.isEmpty() ? "default heap" : String.join(" ", heap)) + ": "
                        + child(classpath, heap, big));
            }
        }
        out.add("");
        out.add("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).strip());
        out.add("method: one JVM for signing and the 100-page verification (warm after the first round); the signer's");
        out.add("  key is a self-signed RSA-2048 certificate in a PKCS#12 file (the unit's trust anchor for the checks);");
        out.add("  the TSA is BouncyCastle's token generator behind the JDK's HTTP server on 127.0.0.1 (one HTTP round");
        out.add("  trip per B-T signature, no network latency); verification offline against that anchor.");
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.write(results, out);
        out.forEach(System.out::println);
    }

    private static String timeSigning(String what, NoticeSigner signer, NoticeSigner.Level level,
            NoticePdfWriter.RenderedNotice notice, int rounds, NoticeVerifier verifier) throws Exception {
        List<Double> ms = new ArrayList<>();
        byte[] signed = null;
        for (int i = 0; i <= rounds; i++) {
            long start = System.nanoTime();
            signed = signer.sign(notice.pdf(), notice.signatureBox(), level, DETAILS);
            ms.add((System.nanoTime() - start) / 1e6);
        }
        VerificationReport report = verifier.verify(signed);
        requireNotBroken(report, what);
        List<Double> warm = ms.subList(1, ms.size());
        return String.format(Locale.ROOT, "  %s: first %.0f ms, median %.0f ms, p90 %.0f ms (verdict %s, %s)", what,
                ms.getFirst(), median(warm), p90(warm), report.verdict(),
                report.signatures().getFirst().timestampTime() == null ? "no time stamp" : "time-stamped");
    }

    private static void requireNotBroken(VerificationReport report, String what) {
        if (report.verdict() == VerificationReport.Verdict.BROKEN || report.verdict() == VerificationReport.Verdict.REFUSED
                || report.signatures().isEmpty()) {
            throw new IllegalStateException(what + ": the signed PDF does not verify: " + report);
        }
    }

    /** A notice of exactly {@code pages} pages: paragraphs added until the writer paginates to that count. */
    private static NoticePdfWriter.RenderedNotice render(Clock clock, int pages) throws Exception {
        int paragraphs = Math.max(1, pages * 40 - 30);
        for (int attempt = 0; attempt < 200; attempt++) {
            NoticePdfWriter.RenderedNotice notice = new NoticePdfWriter(clock).write(NoticeComposer.compose(
                    template(paragraphs), facts()));
            if (notice.pageCount() == pages) {
                return notice;
            }
            paragraphs += notice.pageCount() < pages ? Math.max(1, (pages - notice.pageCount()) * 30)
                    : -Math.max(1, (notice.pageCount() - pages) * 30);
        }
        throw new IllegalStateException("no notice of " + pages + " pages");
    }

    private static NoticeTemplate template(int paragraphs) {
        StringBuilder body = new StringBuilder("Sehr geehrte(r) {citizen.name|Damen und Herren},\n\n");
        // One short line each (a table of months and amounts): a template body is capped at 50,000 characters, and
        // 100 pages of long paragraphs would not fit.
        for (int i = 1; i <= paragraphs; i++) {
            body.append(i).append('\n');
        }
        body.append("Mit freundlichen Grüßen\n{caseworker.name}");
        return new NoticeTemplate("bench.notice", "de", "*", "Bescheid über Wohngeld", body.toString());
    }

    private static NoticeFacts facts() {
        return NoticeFacts.of(new Letterhead("Stadt Musterstadt – Wohngeldstelle", List.of("Rathausplatz 1",
                "12345 Musterstadt"), "Tel. 115"), "WG-2026-00042", "housing.rent.apply", "Anna Arbeit",
                "Erika Mustermann", LocalDate.of(2026, 12, 3), Locale.GERMAN, Map.of());
    }

    /** About 50 MB: a one-page notice carrying three attachments of random (incompressible) bytes, signed B-B. */
    private static Path bigSignedPdf(Path work, Clock clock, NoticeSigner signer) throws Exception {
        Random random = new Random(2026);
        List<NoticeAttachment> attachments = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            byte[] bytes = new byte[17 * 1024 * 1024];
            random.nextBytes(bytes);
            attachments.add(new NoticeAttachment("Anlage-" + i + ".bin", "application/octet-stream", bytes,
                    NoticeAttachment.Relationship.SUPPLEMENT));
        }
        NoticePdfWriter.RenderedNotice notice = new NoticePdfWriter(clock).write(NoticeComposer.compose(template(3),
                facts()), attachments);
        byte[] signed = signer.sign(notice.pdf(), notice.signatureBox(), NoticeSigner.Level.B_B, DETAILS);
        return Files.write(work.resolve("incoming-50mb.pdf"), signed);
    }

    private static String child(String classpath, List<String> heap, Path pdf) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(heap);
        command.addAll(List.of("-cp", classpath, NoticeBench.class.getName(), "--verify-child", pdf.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return "failed: " + output.lines().reduce((a, b) -> b).orElse("");
        }
        return output.lines().filter(l -> l.startsWith("RESULT ")).map(l -> l.substring(7)).findFirst()
                .orElse("no result: " + output);
    }

    /** In the child JVM: RSS before, verify from the file, peak RSS and heap after. */
    private static void verifyChild(Path pdf) throws Exception {
        long before = WorkspaceQueueChild.procStatus("VmRSS");
        NoticeVerifier verifier = new NoticeVerifier(TrustSettings.offline(new CommonTrustedCertificateSource()),
                VerificationLimits.DEFAULT);
        long start = System.nanoTime();
        VerificationReport report = verifier.verify(pdf);
        long ms = (System.nanoTime() - start) / 1_000_000;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "RESULT %d ms, verdict %s; RSS before %d MB, peak RSS %d MB, heap used after %d MB"
                + " of %d MB committed%n", ms, report.verdict(), before / 1024,
                WorkspaceQueueChild.procStatus("VmHWM") / 1024, (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                runtime.totalMemory() >> 20);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double p90(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
    }

    /** A self-signed signing certificate in a PKCS#12 file, as a small unit without its own CA would have. */
    private static Path signerKey(Path dir, X509Certificate[] certificate) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Wohngeldstelle Bench, O=Stadt Musterstadt, C=DE");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(86_400)), Date.from(now.plusSeconds(86_400 * 30)), name, pair.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                | KeyUsage.nonRepudiation));
        certificate[0] = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signer", pair.getPrivate(), PASSWORD, new java.security.cert.Certificate[] {
            certificate[0]});
        Path file = dir.resolve("signer.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
