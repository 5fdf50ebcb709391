package de.amtsdesk.core.notice;

import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.SignatureTokenConnection;
import java.util.Objects;

/** An opened token and the key in it that signs; closing it closes the token (ends a PKCS#11 session). */
public record SigningKey(SignatureTokenConnection token, DSSPrivateKeyEntry entry) implements AutoCloseable {

    public SigningKey {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(entry, "entry");
    }

    /** The first key of the token, or the one with that alias (KeyStore alias; SunPKCS11 uses the CKA_LABEL). */
    static SigningKey choose(SignatureTokenConnection token, String alias, String source)
            throws NoticeSigningException {
        try {
            for (DSSPrivateKeyEntry key : token.getKeys()) {
                if (alias == null || alias.equals(aliasOf(key))) {
                    return new SigningKey(token, key);
                }
            }
        } catch (RuntimeException e) {
            token.close();
            throw new NoticeSigningException("could not read the keys of " + source + ": " + e.getMessage(), e);
        }
        token.close();
        throw new NoticeSigningException(
                alias == null ? source + " holds no signing key" : source + " has no key named " + alias);
    }

    private static String aliasOf(DSSPrivateKeyEntry key) {
        if (key instanceof eu.europa.esig.dss.token.KSPrivateKeyEntry ks) {
            return ks.getAlias();
        }
        return null;
    }

    @Override
    public void close() {
        token.close();
    }
}
