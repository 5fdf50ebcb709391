package de.amtsdesk.core.notice;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a verification may cost. Incoming PDFs come from anyone: a size cap refuses a 2 GB file before it is
 * read, and a timeout gives the caseworker an answer even when a crafted file keeps the parser busy.
 */
public record VerificationLimits(long maxBytes, Duration timeout) {

    /** 100 MB holds any scanned certificate or form citizens send; 60 s covers a 100-page signed PDF twice over. */
    public static final VerificationLimits DEFAULT = new VerificationLimits(100L * 1024 * 1024, Duration.ofSeconds(60));

    public VerificationLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxBytes < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
