package de.amtsdesk.core.notice;

/**
 * Where the agency's signing key lives. The signer only sees an opened token and the key entry in it, so a
 * PKCS#12 file ({@link Pkcs12KeySource}), a smartcard or HSM over PKCS#11 ({@link Pkcs11KeySource}) and the
 * Windows certificate store ({@link WindowsCertificateStoreKeySource}) are interchangeable.
 */
public interface NoticeKeySource {

    /**
     * Opens the token (a PIN or password is used here) and picks the signing key.
     *
     * @throws NoticeSigningException when the token cannot be opened or holds no usable key; the message says which
     */
    SigningKey open() throws NoticeSigningException;

    /** A short description for logs and error messages, never containing a secret. */
    String describe();
}
