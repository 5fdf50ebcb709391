package de.amtsdesk.crypto;

/**
 * A persistent crypto store exists but cannot be opened with the given key. Nothing in the store
 * was changed; open it again with the right key.
 */
public class CryptoStoreKeyException extends CryptoNativeException {

    private static final long serialVersionUID = 1L;

    // The native side constructs this through JNI with exactly this signature; keep it.
    public CryptoStoreKeyException(String message) {
        super(message);
    }
}
