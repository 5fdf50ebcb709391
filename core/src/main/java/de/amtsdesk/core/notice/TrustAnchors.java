package de.amtsdesk.core.notice;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * The certificates a unit trusts as roots when it checks PDF signatures (the admin policy's {@code pdfTrustAnchors}):
 * files with one or more certificates, PEM or DER. A file that cannot be read adds a warning naming it and is skipped;
 * the others still count. No anchors at all is allowed: then no signer can be confirmed, which the report says.
 */
public final class TrustAnchors {

    /** A certificate file larger than this is not a certificate file. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private TrustAnchors() {
    }

    public static CommonTrustedCertificateSource load(List<String> files, List<String> warnings) {
        CommonTrustedCertificateSource source = new CommonTrustedCertificateSource();
        for (String name : files) {
            Path file = Path.of(name);
            try {
                if (!Files.isRegularFile(file)) {
                    warnings.add("trust anchor " + name + " ignored: not a file");
                    continue;
                }
                if (Files.size(file) > MAX_FILE_BYTES) {
                    warnings.add("trust anchor " + name + " ignored: larger than " + MAX_FILE_BYTES + " bytes");
                    continue;
                }
                Collection<? extends java.security.cert.Certificate> read;
                try (InputStream in = Files.newInputStream(file)) {
                    read = CertificateFactory.getInstance("X.509").generateCertificates(in);
                }
                if (read.isEmpty()) {
                    warnings.add("trust anchor " + name + " ignored: no certificate in it");
                }
                for (var certificate : read) {
                    source.addCertificate(new CertificateToken((X509Certificate) certificate));
                }
            } catch (IOException | CertificateException | RuntimeException e) {
                warnings.add("trust anchor " + name + " ignored: not a certificate file ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        return source;
    }
}
