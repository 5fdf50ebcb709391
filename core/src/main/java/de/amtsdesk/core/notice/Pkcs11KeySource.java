package de.amtsdesk.core.notice;

import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The signing key on a smartcard or HSM, through the vendor's PKCS#11 library (tested with SoftHSM2). The slot
 * is chosen by its position in the library's slot list: slot IDs of SoftHSM2 (and of card readers) change when
 * tokens are re-initialised or readers plugged, the order of the list does not.
 */
public final class Pkcs11KeySource implements NoticeKeySource {

    private final Path library;
    private final int slotListIndex;
    private final char[] pin;
    private final String label;

    /** @param label the key's CKA_LABEL, or null for the token's first key */
    public Pkcs11KeySource(Path library, int slotListIndex, char[] pin, String label) {
        this.library = library;
        this.slotListIndex = slotListIndex;
        this.pin = pin.clone();
        this.label = label;
    }

    @Override
    public SigningKey open() throws NoticeSigningException {
        if (!Files.isRegularFile(library)) {
            throw new NoticeSigningException("PKCS#11 library not found: " + library);
        }
        Pkcs11SignatureToken token;
        try {
            // slotId -1: choose by slotListIndex instead
            token = new Pkcs11SignatureToken(library.toString(), pin::clone, -1,
                    slotListIndex, null);
        } catch (RuntimeException e) {
            throw new NoticeSigningException("cannot open " + describe(), e);
        }
        return SigningKey.choose(token, label, describe());
    }

    @Override
    public String describe() {
        return "PKCS#11 token " + slotListIndex + " of " + library.getFileName();
    }
}
