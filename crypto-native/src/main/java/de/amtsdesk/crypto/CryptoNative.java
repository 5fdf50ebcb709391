package de.amtsdesk.crypto;

/**
 * The JNI entry points of {@code amtsdesk_crypto}; the Rust side is {@code src/exports.rs}.
 *
 * <p>Package-private on purpose: handles are raw pointers, and only the facades
 * ({@link CryptoLibrary}, {@link OlmMachineHandle}) know when one is still valid. Callers must
 * have called {@link NativeLibraryLoader#ensureLoaded()} first. Every method throws
 * {@link CryptoNativeException} on any failure, including a Rust panic.
 */
final class CryptoNative {

    private CryptoNative() {
    }

    static native String matrixSdkCryptoVersion();

    static native String vodozemacVersion();

    /** Returns an owned handle; it must be given back to {@link #closeMachine(long)} exactly once. */
    static native long createInMemoryMachine(String userId, String deviceId);

    /** {@code {"curve25519":"…","ed25519":"…"}}, both unpadded base64. */
    static native String identityKeysJson(long machineHandle);

    static native void closeMachine(long machineHandle);

    /** Panics in Rust with {@code message}; proves in tests that a panic arrives as an exception. */
    static native void provokePanicForTest(String message);
}
