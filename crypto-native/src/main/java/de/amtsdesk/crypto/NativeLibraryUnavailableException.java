package de.amtsdesk.crypto;

/**
 * The native crypto library could not be found or loaded for this platform. The message names the
 * platform and the resource or file that was tried, so a broken package or a wrong
 * {@value NativeLibraryLoader#LIBRARY_PROPERTY} can be diagnosed from the log alone.
 *
 * <p>Kept apart from {@link CryptoNativeException}: this is a setup problem of the installation,
 * not a failure of a crypto operation.
 */
public class NativeLibraryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NativeLibraryUnavailableException(String message) {
        super(message);
    }

    public NativeLibraryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
