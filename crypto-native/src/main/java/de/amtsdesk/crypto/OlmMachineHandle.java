package de.amtsdesk.crypto;

import java.lang.ref.Cleaner;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongFunction;

/**
 * One matrix-sdk-crypto {@code OlmMachine}: the end-to-end encryption state of one device of one
 * Matrix user. Thread-safe. Close it when done; {@link #close()} waits for calls still running
 * on other threads, and any call after it throws {@link IllegalStateException}.
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

    // Every native call runs under the read lock and close under the write lock, so a pointer is
    // never freed while a call uses it, nor used after it was freed.
    private <T> T withHandle(LongFunction<T> call) {
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
