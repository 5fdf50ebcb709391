package de.amtsdesk.app.notice;

import de.amtsdesk.core.notice.Letterhead;
import de.amtsdesk.core.notice.NoticeComposer;
import de.amtsdesk.core.notice.NoticeFacts;
import de.amtsdesk.core.notice.NoticePdfWriter;
import de.amtsdesk.core.notice.NoticeSigner;
import de.amtsdesk.core.notice.NoticeTemplateCatalogue;
import de.amtsdesk.core.notice.Pkcs12KeySource;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A unit's signing key for app tests: a self-signed certificate in a PKCS#12 file (what a small agency without a CA
 * would have), its certificate as a PEM trust-anchor file, and real notices signed with it through core's signer.
 */
public final class TestSigner {

    public static final char[] PASSWORD = "editor-test".toCharArray();

    public final Path pkcs12;
    public final Path certificatePem;
    /** For importing the key into a PKCS#11 token. */
    public final java.security.PrivateKey privateKey;
    public final X509Certificate certificate;

    private TestSigner(Path pkcs12, Path certificatePem, java.security.PrivateKey privateKey,
            X509Certificate certificate) {
        this.pkcs12 = pkcs12;
        this.certificatePem = certificatePem;
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    public static TestSigner create(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Wohngeldstelle Test, O=Stadt Musterstadt, C=DE");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(86_400)), Date.from(now.plusSeconds(86_400 * 30)), name, pair.getPublic());
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signer", pair.getPrivate(), PASSWORD, new java.security.cert.Certificate[] {certificate});
        Path file = dir.resolve("signer.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64,
                "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return new TestSigner(file, Files.writeString(dir.resolve("signer.pem"), pem), pair.getPrivate(), certificate);
    }

    /** A one-page notice rendered from the built-in general template and signed PAdES B-B with this key. */
    public byte[] signedNotice() throws Exception {
        Clock clock = Clock.systemUTC();
        var facts = NoticeFacts.of(new Letterhead("Stadt Musterstadt", List.of(), ""), "WG-2026-00001",
                "housing.rent.apply", "Anna Arbeit", "Erika Mustermann", LocalDate.now(clock), Locale.GERMAN,
                Map.of("case.type", "Wohngeld"));
        var template = NoticeTemplateCatalogue.builtIn().find("general.decision", Locale.GERMAN).orElseThrow();
        var rendered = new NoticePdfWriter(clock).write(NoticeComposer.compose(template, facts));
        return new NoticeSigner(new Pkcs12KeySource(pkcs12, PASSWORD.clone(), null), null, clock).sign(
                rendered.pdf(), rendered.signatureBox(), NoticeSigner.Level.B_B,
                new NoticeSigner.Details("Bescheid", "Musterstadt", Locale.GERMAN, ZoneId.of("Europe/Berlin")));
    }
}
