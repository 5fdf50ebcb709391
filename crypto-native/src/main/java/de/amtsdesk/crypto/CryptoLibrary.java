package de.amtsdesk.crypto;

/** The native crypto library as a whole: loading it and what it was built from. */
public final class CryptoLibrary {

    private CryptoLibrary() {
    }

    /**
     * Loads the native library now, so a broken installation shows at start-up rather than at
     * the first encrypted message. Optional: every other method loads it on demand.
     *
     * @throws NativeLibraryUnavailableException if it cannot be loaded
     */
    public static void load() {
        NativeLibraryLoader.ensureLoaded();
    }

    /** The version of matrix-rust-sdk's {@code matrix-sdk-crypto} compiled into the library. */
    public static String matrixSdkCryptoVersion() {
        NativeLibraryLoader.ensureLoaded();
        return CryptoNative.matrixSdkCryptoVersion();
    }

    /** The version of {@code vodozemac} (the Olm/Megolm implementation) compiled into the library. */
    public static String vodozemacVersion() {
        NativeLibraryLoader.ensureLoaded();
        return CryptoNative.vodozemacVersion();
    }
}
