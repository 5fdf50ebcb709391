package de.amtsdesk.core.notice;

import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CertificateSource;
import eu.europa.esig.dss.spi.x509.aia.AIASource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.model.x509.revocation.crl.CRL;
import eu.europa.esig.dss.model.x509.revocation.ocsp.OCSP;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import java.util.Objects;

/**
 * What a verification trusts and may fetch: the unit's configured trust anchors, and where revocation data and
 * missing intermediate certificates come from. Offline settings fetch nothing (a signature then stays
 * "indeterminate" unless the PDF carries its own revocation data, as B-LT does).
 */
public record TrustSettings(CertificateSource trustAnchors, RevocationSource<OCSP> ocsp, RevocationSource<CRL> crl,
        AIASource aia) {

    public TrustSettings {
        Objects.requireNonNull(trustAnchors, "trustAnchors");
    }

    /**
     * Fetches OCSP answers, CRLs and issuer certificates from the addresses in the certificates, through the admin
     * policy's proxy and with bounded timeouts.
     */
    public static TrustSettings online(CertificateSource trustAnchors) {
        return new TrustSettings(trustAnchors, new OnlineOCSPSource(DssHttp.ocsp()),
                new OnlineCRLSource(DssHttp.plain()), new DefaultAIASource(DssHttp.plain()));
    }

    /** Uses only what the PDF contains besides the trust anchors. */
    public static TrustSettings offline(CertificateSource trustAnchors) {
        return new TrustSettings(trustAnchors, null, null, null);
    }

    CertificateVerifier certificateVerifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trustAnchors);
        verifier.setOcspSource(ocsp);
        verifier.setCrlSource(crl);
        verifier.setAIASource(aia);
        return verifier;
    }
}
