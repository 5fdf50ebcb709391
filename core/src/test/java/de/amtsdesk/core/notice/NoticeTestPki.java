package de.amtsdesk.core.notice;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.x509.CertificateSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.test.PKIFactoryAccess;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.DSSPrivateKeyAccessEntry;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;

/**
 * DSS's in-memory test PKI (CA, OCSP, CRL, TSA), built once per JVM: it takes seconds, so every notice test shares
 * this one instance. The signing key is written to a real PKCS#12 file so the production key source is tested.
 */
final class NoticeTestPki extends PKIFactoryAccess {

    static final char[] PASSWORD = "notice-test".toCharArray();
    private static NoticeTestPki instance;

    final Path pkcs12;
    final TSPSource tsa;
    final CertificateSource trustAnchors;
    final TrustSettings trust;
    final java.security.PrivateKey privateKey;
    final CertificateToken certificate;

    private NoticeTestPki() throws Exception {
        DSSPrivateKeyEntry entry = getPrivateKeyEntry();
        pkcs12 = Files.createTempFile("notice-signer-", ".p12");
        pkcs12.toFile().deleteOnExit();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Certificate[] chain = java.util.Arrays.stream(entry.getCertificateChain())
                .map(CertificateToken::getCertificate).toArray(Certificate[]::new);
        privateKey = ((DSSPrivateKeyAccessEntry) entry).getPrivateKey();
        certificate = entry.getCertificate();
        store.setKeyEntry("notice-signer", privateKey, PASSWORD, chain);
        try (OutputStream out = Files.newOutputStream(pkcs12)) {
            store.store(out, PASSWORD);
        }
        tsa = getGoodTsa();
        trustAnchors = getTrustedCertificateSource();
        // OCSP and CRL answered by the in-memory PKI, so a good signature can reach TOTAL_PASSED
        var complete = getCompleteCertificateVerifier();
        trust = new TrustSettings(trustAnchors, complete.getOcspSource(), complete.getCrlSource(),
                complete.getAIASource());
    }

    static synchronized NoticeTestPki get() throws Exception {
        if (instance == null) {
            instance = new NoticeTestPki();
        }
        return instance;
    }

    /** Another user of the test PKI (revoked-user, expired-user, self-signed) as a PKCS#12 key source. */
    NoticeKeySource keySourceOf(String alias) throws Exception {
        DSSPrivateKeyEntry other = new OtherUser(alias).entry();
        Path file = Files.createTempFile("notice-" + alias + "-", ".p12");
        file.toFile().deleteOnExit();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Certificate[] chain = java.util.Arrays.stream(other.getCertificateChain())
                .map(CertificateToken::getCertificate).toArray(Certificate[]::new);
        store.setKeyEntry(alias, ((DSSPrivateKeyAccessEntry) other).getPrivateKey(), PASSWORD, chain);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return new Pkcs12KeySource(file, PASSWORD, null);
    }

    /** Same in-memory PKI (its repository is shared in the JVM), different signing user. */
    private static final class OtherUser extends PKIFactoryAccess {
        private final String alias;

        OtherUser(String alias) {
            this.alias = alias;
        }

        DSSPrivateKeyEntry entry() {
            return getPrivateKeyEntry();
        }

        @Override
        protected String getSigningAlias() {
            return alias;
        }
    }

    NoticeKeySource keySource() {
        return new Pkcs12KeySource(pkcs12, PASSWORD, null);
    }

    @Override
    protected String getSigningAlias() {
        return GOOD_USER;
    }
}
