package de.amtsdesk.app.workspace;

import de.amtsdesk.app.conversation.AttachmentSignatureCheck;
import de.amtsdesk.core.notice.NoticeVerifier;
import de.amtsdesk.core.notice.TrustAnchors;
import de.amtsdesk.core.notice.TrustSettings;
import de.amtsdesk.core.notice.VerificationLimits;
import de.amtsdesk.core.notice.VerificationReport;
import de.amtsdesk.core.policy.EffectivePolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's PDF signature check: DSS's verification against the trust anchors the admin policy names
 * ({@code pdfTrustAnchors}), fetching revocation data online through the policy's proxy. The anchor files are read
 * on the first check (a background thread), not when the window opens; a file that cannot be read is logged by name.
 */
final class PdfChecks implements AttachmentSignatureCheck.Checker {

    private static final Logger LOG = LoggerFactory.getLogger(PdfChecks.class);

    private final Supplier<EffectivePolicy> policy;
    private TrustSettings trust;
    private NoticeVerifier verifier;

    PdfChecks(Supplier<EffectivePolicy> policy) {
        this.policy = policy;
    }

    @Override
    public VerificationReport check(Path pdf) throws IOException {
        return verifier().verify(pdf);
    }

    private synchronized NoticeVerifier verifier() {
        if (verifier == null) {
            verifier = new NoticeVerifier(trust(), VerificationLimits.DEFAULT);
        }
        return verifier;
    }

    /** The anchors and online revocation sources: for checks, and for signing B-LT (the chain is built to them). */
    synchronized TrustSettings trust() {
        if (trust == null) {
            List<String> warnings = new ArrayList<>();
            var anchors = TrustAnchors.load(policy.get().pdfTrustAnchors(), warnings);
            warnings.forEach(warning -> LOG.warn("{}", warning));
            LOG.info("PDF signatures are checked against {} trust anchor(s)", anchors.getNumberOfCertificates());
            trust = TrustSettings.online(anchors);
        }
        return trust;
    }
}
