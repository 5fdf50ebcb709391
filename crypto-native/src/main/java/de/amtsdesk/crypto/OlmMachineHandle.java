package de.amtsdesk.crypto;

import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongFunction;

/**
 * One matrix-sdk-crypto {@code OlmMachine}: the end-to-end encryption state of one device of one
 * Matrix user, sans I/O: it produces {@link OutgoingRequest}s, the caller sends them and hands the
 * responses back. Close it when done; {@link #close()} waits for calls still running on other
 * threads, and any call after it throws {@link IllegalStateException}.
 *
 * <p><b>Threading.</b> Thread-safe: calls may come from several threads at once. Every call
 * blocks its thread until the native side is done (store I/O, key derivation for exports takes
 * about a second), so never call from the JavaFX application thread. Calls that must not overlap
 * ({@link #missingSessions}, {@link #shareRoomKey}) are serialised natively; both wait up to five
 * seconds for a {@code KEYS_QUERY} still in flight for a member with no known devices, so send key
 * queries promptly (or before) rather than on the same thread afterwards. The host should run
 * one sync loop: {@link #receiveSyncChanges} → {@link #outgoingRequests} → send → {@link
 * #markRequestAsSent}.
 *
 * <p><b>Sending into a room:</b> {@link #updateTrackedUsers} with the members (once, and on
 * joins), send the {@code KEYS_QUERY} from {@link #outgoingRequests}, then before each message
 * (or burst of messages) {@link #queryKeys} for the members (send it: devices added since the last
 * sync), {@link #missingSessions} (send the {@code KEYS_CLAIM}, if any), {@link #shareRoomKey} (send
 * the {@code TO_DEVICE} requests), and {@link #encryptRoomEvent}.
 *
 * <p><b>Errors.</b> Every method throws {@link CryptoNativeException} (unchecked) with a message
 * that starts with the native entry point's name; a Rust panic arrives the same way and leaves
 * the JVM running.
 */
public final class OlmMachineHandle implements AutoCloseable {

    // Safety net for handles nobody closed; the native machine holds key material and, with a
    // persistent store, open files.
    private static final Cleaner CLEANER = Cleaner.create();

    private final String userId;
    private final String deviceId;
    private final NativeState state;
    private final Cleaner.Cleanable cleanable;

    private OlmMachineHandle(String userId, String deviceId, long handle) {
        this.userId = userId;
        this.deviceId = deviceId;
        this.state = new NativeState(handle);
        this.cleanable = CLEANER.register(this, state);
    }

    /**
     * Creates a machine whose keys live in memory only: they are gone once it is closed. Meant for
     * tests and throw-away sessions; it creates fresh identity keys every time.
     *
     * @param userId a full Matrix user id, e.g. {@code @sachbearbeitung:amt.example}
     * @param deviceId the id of this device, as the homeserver assigned it at login
     * @throws CryptoNativeException if an id is invalid (the message names it)
     * @throws NativeLibraryUnavailableException if the native library cannot be loaded
     */
    public static OlmMachineHandle createInMemory(String userId, String deviceId) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        NativeLibraryLoader.ensureLoaded();
        return new OlmMachineHandle(userId, deviceId, CryptoNative.createInMemoryMachine(userId, deviceId));
    }

    /**
     * Opens the machine persisted in {@code storeDirectory} (matrix-sdk-sqlite's crypto store,
     * encrypted with {@code storeKey32}), creating it on first use. Later opens must pass the same
     * user id, device id and key and get the same identity keys back. A backup enabled earlier
     * ({@link #enableBackup}) is resumed.
     *
     * @param storeKey32 exactly 32 bytes; the caller keeps it secret (e.g. derived from the
     *     agency's master key); it is not retained
     * @throws CryptoStoreKeyException if the store exists but cannot be opened with this key;
     *     the store's files are left untouched
     * @throws CryptoNativeException if an id is invalid, the store belongs to another user or
     *     device, or cannot be opened
     */
    public static OlmMachineHandle open(String userId, String deviceId, Path storeDirectory, byte[] storeKey32) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(storeDirectory, "storeDirectory");
        Objects.requireNonNull(storeKey32, "storeKey32");
        if (storeKey32.length != 32) {
            throw new IllegalArgumentException("storeKey32 must be 32 bytes, got " + storeKey32.length);
        }
        NativeLibraryLoader.ensureLoaded();
        String directory = storeDirectory.toAbsolutePath().toString();
        return new OlmMachineHandle(userId, deviceId, CryptoNative.openMachine(userId, deviceId, directory, storeKey32));
    }

    public String userId() {
        return userId;
    }

    public String deviceId() {
        return deviceId;
    }

    /** This device's public identity keys. */
    public IdentityKeys identityKeys() {
        String json = withHandle(CryptoNative::identityKeysJson);
        Map<String, String> fields;
        try {
            fields = FlatJson.parseStringObject(json);
        } catch (IllegalArgumentException e) {
            throw new CryptoNativeException("identityKeysJson returned malformed JSON: " + e.getMessage(), e);
        }
        String curve25519 = fields.get("curve25519");
        String ed25519 = fields.get("ed25519");
        if (curve25519 == null || ed25519 == null) {
            throw new CryptoNativeException("identityKeysJson returned no curve25519/ed25519 key: " + json);
        }
        return new IdentityKeys(curve25519, ed25519);
    }

    /**
     * Processes the encryption-related parts of one {@code /sync} response; call it after every
     * sync, before decrypting that sync's room events.
     *
     * @param syncChangesJson {@code {"to_device_events":[…], "changed_devices":{"changed":[…],"left":[…]},
     *     "one_time_key_counts":{"signed_curve25519":N}, "unused_fallback_key_types":[…] or null,
     *     "next_batch_token":"s123"}}, straight from the sync response's {@code to_device.events},
     *     {@code device_lists}, {@code device_one_time_keys_count},
     *     {@code device_unused_fallback_key_types} and {@code next_batch}; every field may be
     *     left out, unknown fields are refused
     * @return {@code {"to_device_events":[…], "room_key_updates":[{"room_id":…,"session_id":…,
     *     "sender_key":…,"algorithm":…}]}}: the to-device events, decrypted where they were
     *     encrypted (room keys are consumed here), and the room keys that arrived, so that events
     *     which failed with {@link DecryptionFailedException.Reason#MISSING_ROOM_KEY} can be retried; and
     *     {@code "room_key_bundles":[{"room_id":…,"sender":…}]}, the MSC4268 room key bundles that arrived
     *     (see {@link #receivedRoomKeyBundle})
     */
    public String receiveSyncChanges(String syncChangesJson) {
        Objects.requireNonNull(syncChangesJson, "syncChangesJson");
        return withHandle(handle -> CryptoNative.receiveSyncChanges(handle, syncChangesJson));
    }

    /**
     * Requests to send now (key uploads, key queries, to-device messages). Send each, then call
     * {@link #markRequestAsSent}. Calling again before that returns the same requests again.
     */
    public List<OutgoingRequest> outgoingRequests() {
        return OutgoingRequest.fromNative("outgoingRequests", withHandle(CryptoNative::outgoingRequests));
    }

    /**
     * Hands the homeserver's successful (2xx) response to a request back.
     *
     * @param responseBodyJson the response body; for {@code TO_DEVICE} and others without a
     *     meaningful body pass what the server sent ({@code "{}"})
     * @throws CryptoNativeException if the body is not a valid response of that type
     */
    public void markRequestAsSent(String requestId, OutgoingRequest.Type type, String responseBodyJson) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(responseBodyJson, "responseBodyJson");
        withHandle(handle -> {
            CryptoNative.markRequestAsSent(handle, requestId, type.name(), responseBodyJson);
            return null;
        });
    }

    /**
     * Tracks these users' devices (members of encrypted rooms we are in); new users are queried
     * with the next {@code KEYS_QUERY} from {@link #outgoingRequests()}. Idempotent.
     */
    public void updateTrackedUsers(List<String> userIds) {
        String[] users = toArray(userIds, "userIds");
        withHandle(handle -> {
            CryptoNative.updateTrackedUsers(handle, users);
            return null;
        });
    }

    /**
     * A {@code KEYS_QUERY} request for these users' devices, now, whatever the machine believes
     * about them; send it and mark it as sent. Its answer updates their devices like the queries
     * from {@link #outgoingRequests}, without waiting for or replacing those. Send it before
     * {@link #missingSessions} and {@link #shareRoomKey}: the machine does not wait for a pending
     * query of a user it already knows devices of, so a device that was added since this device's
     * last sync would otherwise get the room key only later, from the then current message index.
     */
    public OutgoingRequest queryKeys(List<String> userIds) {
        String[] users = toArray(userIds, "userIds");
        return OutgoingRequest.fromNative("queryKeys",
                withHandle(handle -> CryptoNative.queryKeys(handle, users))).getFirst();
    }

    /**
     * A {@code KEYS_CLAIM} request for the devices of these users we have no Olm session with
     * yet, if there are any. Send it and mark it as sent before {@link #shareRoomKey}.
     */
    public Optional<OutgoingRequest> missingSessions(List<String> userIds) {
        String[] users = toArray(userIds, "userIds");
        List<OutgoingRequest> requests = OutgoingRequest.fromNative("missingSessions",
                withHandle(handle -> CryptoNative.missingSessions(handle, users)));
        return requests.stream().findFirst();
    }

    /**
     * Makes sure the room has a Megolm session shared with <em>all</em> devices of these users,
     * verified or not (citizens' devices never are); history visibility "shared". Rotates the
     * session when it has expired (after 100 messages or a week). Call before every
     * {@link #encryptRoomEvent}; it returns nothing when there is nothing new to share.
     *
     * @param userIds the room's members (joined and invited), including ourselves
     * @return {@code TO_DEVICE} requests carrying the room key; send all, then mark each as sent
     */
    public List<OutgoingRequest> shareRoomKey(String roomId, List<String> userIds) {
        Objects.requireNonNull(roomId, "roomId");
        String[] users = toArray(userIds, "userIds");
        return OutgoingRequest.fromNative("shareRoomKey",
                withHandle(handle -> CryptoNative.shareRoomKey(handle, roomId, users)));
    }

    /**
     * Encrypts an event for the room with its current Megolm session.
     *
     * @param contentJson the plaintext content object, e.g. {@code {"msgtype":"m.text","body":"…"}}
     * @return the {@code m.room.encrypted} content to send as type {@code m.room.encrypted}
     * @throws CryptoNativeException if no room key was shared for the room or it expired (call
     *     {@link #shareRoomKey} first), or {@code contentJson} is not a JSON object
     */
    public String encryptRoomEvent(String roomId, String eventType, String contentJson) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(contentJson, "contentJson");
        return withHandle(handle -> CryptoNative.encryptRoomEvent(handle, roomId, eventType, contentJson));
    }

    /**
     * Decrypts an {@code m.room.encrypted} room event.
     *
     * @param eventJson the whole event as the homeserver sent it (with {@code sender},
     *     {@code event_id}, {@code origin_server_ts}, {@code content})
     * @throws DecryptionFailedException if the event cannot be decrypted; its reason says whether
     *     a retry can help
     * @throws CryptoNativeException if {@code roomId} is not a room id
     */
    public DecryptedEvent decryptRoomEvent(String roomId, String eventJson) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(eventJson, "eventJson");
        String[] result = withHandle(handle -> CryptoNative.decryptRoomEvent(handle, roomId, eventJson));
        return DecryptedEvent.fromNative("decryptRoomEvent", result, 0);
    }

    /**
     * Decrypts several events of one room in one native call (e.g. a page of history). Each
     * element is a {@link DecryptedEvent} or the {@link DecryptionFailedException} that
     * {@link #decryptRoomEvent} would have thrown for it.
     */
    public List<DecryptionResult> decryptRoomEvents(String roomId, List<String> eventJsons) {
        Objects.requireNonNull(roomId, "roomId");
        String[] events = toArray(eventJsons, "eventJsons");
        String[] fields = withHandle(handle -> CryptoNative.decryptRoomEvents(handle, roomId, events));
        if (fields == null || fields.length != events.length * 5) {
            throw new CryptoNativeException("decryptRoomEvents returned a malformed result");
        }
        DecryptionResult[] results = new DecryptionResult[events.length];
        for (int i = 0; i < events.length; i++) {
            try {
                results[i] = new DecryptionResult(DecryptedEvent.fromNative("decryptRoomEvents", fields, i * 5), null);
            } catch (DecryptionFailedException e) {
                results[i] = new DecryptionResult(null, e);
            }
        }
        return List.of(results);
    }

    /**
     * Creates this user's cross-signing identity if the machine has none (else returns the
     * existing one's requests again, so a failed upload can be retried).
     *
     * @throws CryptoNativeException if this device's keys are not uploaded yet (send the
     *     {@code KEYS_UPLOAD} from {@link #outgoingRequests()} first)
     */
    public CrossSigningBootstrap bootstrapCrossSigning() {
        String[] fields = withHandle(CryptoNative::bootstrapCrossSigning);
        if (fields == null || fields.length != 6) {
            throw new CryptoNativeException("bootstrapCrossSigning returned a malformed result");
        }
        return new CrossSigningBootstrap(fields[0], OutgoingRequest.fromNative(fields, 1));
    }

    /**
     * Secret storage (4S) for this machine's private cross-signing keys and backup key, under one new recovery key.
     * Upload each {@link SecretStorageSetup#accountData()} entry in order with
     * {@code PUT /user/{userId}/account_data/{type}}; show {@link SecretStorageSetup#recoveryKey()} once.
     */
    public SecretStorageSetup createSecretStorage() {
        String[] fields = withHandle(CryptoNative::createSecretStorage);
        if (fields == null || fields.length < 3 || fields.length % 2 != 1) {
            throw new CryptoNativeException("createSecretStorage returned a malformed result");
        }
        java.util.List<SecretStorageSetup.AccountData> data = new java.util.ArrayList<>();
        for (int i = 1; i < fields.length; i += 2) {
            data.add(new SecretStorageSetup.AccountData(fields[i], fields[i + 1]));
        }
        return new SecretStorageSetup(fields[0], java.util.List.copyOf(data));
    }

    /**
     * Reads secret storage with the recovery key, imports the private cross-signing keys and signs this device with
     * them (send {@link SecretStorageImport#signatureUpload()}). The own user's keys must have been queried first.
     *
     * @param keyId the default key's ID ({@code m.secret_storage.default_key})
     * @param keyContentJson the content of {@code m.secret_storage.key.<keyId>}
     * @param secretsJson secret name → that account-data event's content, for the secrets found
     * @throws CryptoNativeException e.g. "the recovery key does not match this account's secret storage"
     */
    public SecretStorageImport importSecretStorage(String recoveryKey, String keyId, String keyContentJson,
            String secretsJson) {
        String[] fields = withHandle(handle -> CryptoNative.importSecretStorage(handle, recoveryKey, keyId,
                keyContentJson, secretsJson));
        if (fields == null || (fields.length != 1 && fields.length != 6)) {
            throw new CryptoNativeException("importSecretStorage returned a malformed result");
        }
        return new SecretStorageImport(Optional.ofNullable(fields[0]),
                fields.length == 6 ? Optional.of(OutgoingRequest.fromNative(fields, 1)) : Optional.empty());
    }

    public CrossSigningStatus crossSigningStatus() {
        int bits = withHandle(handle -> CryptoNative.crossSigningStatus(handle));
        return new CrossSigningStatus((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
    }

    /**
     * Generates a fresh backup key. Post {@link BackupCreation#versionRequestBodyJson()} to
     * {@code /_matrix/client/v3/room_keys/version}, then {@link #enableBackup} with the version
     * the server returns. Nothing is stored until then.
     */
    public BackupCreation createBackup() {
        String[] fields = withHandle(CryptoNative::createBackup);
        return new BackupCreation(fields[0], fields[1]);
    }

    /**
     * Backs room keys up to server backup {@code version} from now on (see
     * {@link #backupRoomKeys()}); keeps the key in the crypto store, so a persistent machine
     * resumes after {@link #open}.
     *
     * @throws CryptoNativeException "invalid recovery key" if it cannot be decoded
     */
    public void enableBackup(String version, String recoveryKey) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(recoveryKey, "recoveryKey");
        withHandle(handle -> {
            CryptoNative.enableBackup(handle, version, recoveryKey);
            return null;
        });
    }

    /**
     * The next batch of room keys to back up, as a {@code KEYS_BACKUP} request ({@code PUT
     * /_matrix/client/v3/room_keys/keys?version=V}, body {@code {"rooms":{…}}}); empty when
     * backups are not enabled or everything is backed up. Mark it as sent, then ask again.
     */
    public Optional<OutgoingRequest> backupRoomKeys() {
        return OutgoingRequest.fromNative("backupRoomKeys", withHandle(CryptoNative::backupRoomKeys))
                .stream().findFirst();
    }

    /** The server backup version this machine uploads room keys to, if backups are enabled. */
    public Optional<String> backupVersion() {
        String version = withHandle(CryptoNative::backupVersion);
        return version == null || version.isEmpty() ? Optional.empty() : Optional.of(version);
    }

    /** How many room keys this machine holds, and how many of them are in the active backup version. */
    public RoomKeyCounts roomKeyCounts() {
        long[] counts = withHandle(CryptoNative::roomKeyCounts);
        return new RoomKeyCounts(counts[0], counts[1]);
    }

    /** Room keys held by the machine, and how many of them are backed up to the active backup version. */
    public record RoomKeyCounts(long total, long backedUp) { }

    /**
     * Decrypts and imports the room keys of a backup.
     *
     * @param roomKeysResponseJson the body of {@code GET /_matrix/client/v3/room_keys/keys?version=V}
     * @return how many room keys were new
     * @throws CryptoNativeException "recovery key does not match this backup" or "invalid
     *     recovery key"; keys that fail to decrypt while others succeed are skipped
     */
    public int restoreFromBackup(String recoveryKey, String version, String roomKeysResponseJson) {
        Objects.requireNonNull(roomKeysResponseJson, "roomKeysResponseJson");
        byte[] utf8 = roomKeysResponseJson.getBytes(StandardCharsets.UTF_8);
        return restoreFromBackup(recoveryKey, version, utf8, utf8.length);
    }

    /**
     * As {@link #restoreFromBackup(String, String, String)}, with the response as the first {@code length} bytes of
     * {@code utf8} (UTF-8 JSON): a restore hands over batches from one reused buffer, which makes no garbage per batch.
     */
    public int restoreFromBackup(String recoveryKey, String version, byte[] utf8, int length) {
        Objects.requireNonNull(recoveryKey, "recoveryKey");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(utf8, "utf8");
        Objects.checkFromIndexSize(0, length, utf8.length);
        return withHandle(handle -> CryptoNative.restoreFromBackup(handle, recoveryKey, version, utf8, length));
    }

    /**
     * All room keys in the standard Matrix key export format (the text between {@code -----BEGIN
     * MEGOLM SESSION DATA-----} markers), encrypted with {@code passphrase} (PBKDF2, 500,000
     * rounds: takes about a second).
     */
    public String exportRoomKeys(String passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        return withHandle(handle -> CryptoNative.exportRoomKeys(handle, passphrase));
    }

    /**
     * Imports a key export (from {@link #exportRoomKeys} or another Matrix client).
     *
     * @return how many room keys were new
     * @throws CryptoNativeException on a wrong passphrase or a damaged export
     */
    public int importRoomKeys(String exported, String passphrase) {
        Objects.requireNonNull(exported, "exported");
        Objects.requireNonNull(passphrase, "passphrase");
        return withHandle(handle -> CryptoNative.importRoomKeys(handle, exported, passphrase));
    }

    /**
     * Builds the MSC4268 room key bundle of a room: every room key this machine holds for it that may be shared with
     * members who join later ({@code m.shared_history}), encrypted like an attachment. Upload its ciphertext, then
     * {@link #shareRoomKeyBundle}.
     */
    public RoomKeyBundle buildRoomKeyBundle(String roomId) {
        Objects.requireNonNull(roomId, "roomId");
        Object[] result = withHandle(handle -> CryptoNative.buildRoomKeyBundle(handle, roomId));
        if (result == null || result.length != 3 || !(result[0] instanceof byte[] ciphertext)
                || !(result[1] instanceof String info) || !(result[2] instanceof long[] counts) || counts.length != 2) {
            throw new CryptoNativeException("buildRoomKeyBundle returned a malformed result");
        }
        return new RoomKeyBundle(ciphertext, info, counts[0], counts[1]);
    }

    /**
     * The {@code m.room_key_bundle} to-device messages telling {@code userId}'s devices where the bundle is. Only
     * devices their owner has cross-signed get it (identity-based sharing, whatever else is asked); query the user's
     * keys and claim missing Olm sessions ({@link #missingSessions}) first.
     *
     * @param encryptedFileJson {@link RoomKeyBundle#encryptedFileJson()} with the upload's {@code "url"} added
     * @return {@code TO_DEVICE} requests; empty when the user has no cross-signed device known to this machine
     */
    public List<OutgoingRequest> shareRoomKeyBundle(String roomId, String userId, String encryptedFileJson) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(encryptedFileJson, "encryptedFileJson");
        return OutgoingRequest.fromNative("shareRoomKeyBundle",
                withHandle(handle -> CryptoNative.shareRoomKeyBundle(handle, roomId, userId, encryptedFileJson)));
    }

    /**
     * The bundle {@code sender} sent this device for the room, if its to-device message arrived (see
     * {@code room_key_bundles} in {@link #receiveSyncChanges}): its {@code EncryptedFile} JSON, whose {@code url} is
     * what to download for {@link #importRoomKeyBundle}.
     */
    public Optional<String> receivedRoomKeyBundle(String roomId, String sender) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sender, "sender");
        return Optional.ofNullable(withHandle(handle -> CryptoNative.receivedRoomKeyBundle(handle, roomId, sender)));
    }

    /**
     * Decrypts a downloaded bundle with the key from {@code sender}'s to-device message (never one from the caller)
     * and imports its room keys. Accept bundles only from someone you trust to share the room's history, e.g. the
     * member who invited you.
     *
     * @throws CryptoNativeException if no bundle from {@code sender} for the room arrived, or the ciphertext does not
     *     match it
     */
    public RoomKeyBundle.Imported importRoomKeyBundle(String roomId, String sender, byte[] ciphertext) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(ciphertext, "ciphertext");
        long[] counts = withHandle(handle -> CryptoNative.importRoomKeyBundle(handle, roomId, sender, ciphertext));
        if (counts == null || counts.length != 2) {
            throw new CryptoNativeException("importRoomKeyBundle returned a malformed result");
        }
        return new RoomKeyBundle.Imported(counts[0], counts[1]);
    }

    public boolean isClosed() {
        return state.isClosed();
    }

    /** Releases the native machine; idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "OlmMachineHandle[" + userId + ", " + deviceId + (isClosed() ? ", closed]" : "]");
    }

    private static String[] toArray(List<String> values, String name) {
        Objects.requireNonNull(values, name);
        String[] array = values.toArray(String[]::new);
        if (Arrays.stream(array).anyMatch(Objects::isNull)) {
            throw new NullPointerException(name + " contains null");
        }
        return array;
    }

    // Every native call runs under the read lock and close under the write lock, so a pointer is
    // never freed while a call uses it, nor used after it was freed.
    private <T> T withHandle(LongFunction<T> call) {
        VirtualThreadCheck.beforeNativeCall();
        ReentrantReadWriteLock.ReadLock lock = state.lock.readLock();
        lock.lock();
        try {
            if (state.handle == 0) {
                throw new IllegalStateException(this + " is closed");
            }
            return call.apply(state.handle);
        } finally {
            lock.unlock();
        }
    }

    // Separate from the handle object so the Cleaner can run it without keeping that reachable.
    private static final class NativeState implements Runnable {

        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private long handle;

        NativeState(long handle) {
            this.handle = handle;
        }

        boolean isClosed() {
            lock.readLock().lock();
            try {
                return handle == 0;
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public void run() {
            lock.writeLock().lock();
            try {
                if (handle != 0) {
                    long closing = handle;
                    handle = 0;
                    CryptoNative.closeMachine(closing);
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
    }
}
