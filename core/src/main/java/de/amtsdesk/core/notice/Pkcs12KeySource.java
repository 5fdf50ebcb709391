package de.amtsdesk.core.notice;

import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;

/** The signing key in a PKCS#12 file (.p12/.pfx), as agencies get them for soft certificates. */
public final class Pkcs12KeySource implements NoticeKeySource {

    private final Path file;
    private final char[] password;
    private final String alias;

    /** @param alias the key's alias, or null for the file's only (first) key */
    public Pkcs12KeySource(Path file, char[] password, String alias) {
        this.file = file;
        this.password = password.clone();
        this.alias = alias;
    }

    @Override
    public SigningKey open() throws NoticeSigningException {
        if (!Files.isRegularFile(file)) {
            throw new NoticeSigningException("PKCS#12 file not found: " + file);
        }
        Pkcs12SignatureToken token;
        try {
            token = new Pkcs12SignatureToken(file.toFile(), new KeyStore.PasswordProtection(password.clone()));
        } catch (java.io.IOException | RuntimeException e) {
            throw new NoticeSigningException("cannot open " + describe() + " (wrong password or not PKCS#12?)", e);
        }
        return SigningKey.choose(token, alias, describe());
    }

    /** Overwrites the kept password; the source cannot open the file afterwards. */
    public void forgetPassword() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String describe() {
        return "PKCS#12 file " + file.getFileName();
    }
}
