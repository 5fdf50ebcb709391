package de.amtsdesk.crypto;

/**
 * The JNI entry points of {@code amtsdesk_crypto}; the Rust side is {@code src/exports.rs}.
 *
 * <p>Package-private on purpose: handles are raw pointers, and only the facades
 * ({@link CryptoLibrary}, {@link OlmMachineHandle}, {@link Attachments}) know when one is still
 * valid. Callers must have called {@link NativeLibraryLoader#ensureLoaded()} first. Every method
 * throws {@link CryptoNativeException} on any failure, including a Rust panic.
 *
 * <p>Results that are several values come back as flat {@code String[]}s: an outgoing request is
 * five strings {@code (requestId, type, method, path, body)} (see {@link OutgoingRequest#fromNative});
 * a decryption is five strings {@code ("ok", clearEvent, senderKey, claimedKey|null, state)} or
 * {@code ("failed", reason, message, null, null)} (see {@link DecryptedEvent#fromNative}).
 */
final class CryptoNative {

    private CryptoNative() {
    }

    static native String matrixSdkCryptoVersion();

    static native String vodozemacVersion();

    /** Returns an owned handle; it must be given back to {@link #closeMachine(long)} exactly once. */
    static native long createInMemoryMachine(String userId, String deviceId);

    /** Like {@link #createInMemoryMachine} but on an encrypted SQLite store; throws {@link CryptoStoreKeyException}. */
    static native long openMachine(String userId, String deviceId, String storeDirectory, byte[] storeKey);

    /** {@code {"curve25519":"…","ed25519":"…"}}, both unpadded base64. */
    static native String identityKeysJson(long machineHandle);

    /** Closes a persistent store (waits for it) and frees the machine. */
    static native void closeMachine(long machineHandle);

    static native String receiveSyncChanges(long machineHandle, String syncChangesJson);

    static native String[] outgoingRequests(long machineHandle);

    static native void markRequestAsSent(long machineHandle, String requestId, String type, String responseBodyJson);

    static native void updateTrackedUsers(long machineHandle, String[] userIds);

    /** Zero or five strings. */
    static native String[] queryKeys(long machineHandle, String[] userIds);

    static native String[] missingSessions(long machineHandle, String[] userIds);

    static native String[] shareRoomKey(long machineHandle, String roomId, String[] userIds);

    static native String encryptRoomEvent(long machineHandle, String roomId, String eventType, String contentJson);

    /** Five strings, see the class comment. */
    static native String[] decryptRoomEvent(long machineHandle, String roomId, String eventJson);

    /** Five strings per event, in order. */
    static native String[] decryptRoomEvents(long machineHandle, String roomId, String[] eventJsons);

    /** {@code uploadSigningKeysBody} followed by the five strings of the signature upload. */
    static native String[] bootstrapCrossSigning(long machineHandle);

    /** Bits: 1 master, 2 self-signing, 4 user-signing. */
    static native int crossSigningStatus(long machineHandle);

    /** {@code {recoveryKey, versionRequestBody}}. */
    static native String[] createBackup(long machineHandle);

    static native void enableBackup(long machineHandle, String version, String recoveryKey);

    /** Zero or five strings. */
    static native String[] backupRoomKeys(long machineHandle);

    /** {recovery key, type1, content1, type2, content2, ...}: secret storage for the cross-signing and backup keys. */
    static native String[] createSecretStorage(long machineHandle);

    /** {backup recovery key or null, then 0 or 5 fields of the signature upload for this device}. */
    static native String[] importSecretStorage(long machineHandle, String recoveryKey, String keyId,
            String keyContentJson, String secretsJson);

    /** The active backup version, or "" when backups are off. */
    static native String backupVersion(long machineHandle);

    /** {total room keys, backed up to the active version}. */
    static native long[] roomKeyCounts(long machineHandle);

    /** {@code roomKeysResponseUtf8[0, length)} is the JSON; the array may be a larger, reused buffer. */
    static native int restoreFromBackup(long machineHandle, String recoveryKey, String version,
            byte[] roomKeysResponseUtf8, int length);

    static native String exportRoomKeys(long machineHandle, String passphrase);

    static native int importRoomKeys(long machineHandle, String exported, String passphrase);

    /** {@code Object[] {byte[] ciphertext, String encryptedFileJson}}. */
    static native Object[] encryptAttachment(byte[] plaintext);

    static native byte[] decryptAttachment(byte[] ciphertext, String encryptedFileJson);

    static native byte[] argon2id(byte[] passphrase, byte[] salt, int memoryKiB, int iterations, int parallelism,
            int outputLength);

    /** {@code Object[] {byte[] ciphertext, String encryptedFileJson, long[] {roomKeys, withheld}}}. */
    static native Object[] buildRoomKeyBundle(long machineHandle, String roomId);

    /** Five strings per to-device request. */
    static native String[] shareRoomKeyBundle(long machineHandle, String roomId, String userId,
            String encryptedFileJson);

    /** The received bundle's {@code EncryptedFile} JSON with {@code url}, or null. */
    static native String receivedRoomKeyBundle(long machineHandle, String roomId, String sender);

    /** {@code {roomKeys, newRoomKeys}}. */
    static native long[] importRoomKeyBundle(long machineHandle, String roomId, String sender, byte[] ciphertext);

    /** Panics in Rust with {@code message}; proves in tests that a panic arrives as an exception. */
    static native void provokePanicForTest(String message);
}
