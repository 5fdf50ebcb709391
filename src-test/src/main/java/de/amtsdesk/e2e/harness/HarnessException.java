package de.amtsdesk.e2e.harness;

/**
 * Thrown when the harness itself cannot do its job (Synapse or node missing, a peer timing out).
 * Unchecked on purpose: tests must FAIL on it, never skip, and callers rarely can recover.
 */
public class HarnessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HarnessException(String message) {
        super(message);
    }

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
    }
}
