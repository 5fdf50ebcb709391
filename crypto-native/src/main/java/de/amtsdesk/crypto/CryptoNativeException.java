package de.amtsdesk.crypto;

/**
 * A call into the native crypto library failed: an argument was refused, matrix-sdk-crypto
 * reported an error, or Rust panicked. The message is written by the native side and starts with
 * the name of the failed entry point.
 *
 * <p>Unchecked because a caller can rarely recover locally; it decides at a higher level (retry,
 * show the caseworker an error, drop the machine).
 */
public class CryptoNativeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    // The native side constructs this through JNI with exactly this signature; keep it.
    public CryptoNativeException(String message) {
        super(message);
    }

    public CryptoNativeException(String message, Throwable cause) {
        super(message, cause);
    }
}
