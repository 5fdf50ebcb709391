package de.amtsdesk.core.notice;

import eu.europa.esig.dss.token.MSCAPISignatureToken;

/**
 * A key in the Windows certificate store of the logged-in user (SunMSCAPI), where agency smartcard middleware
 * usually registers its certificates; Windows asks for the PIN itself. Only works on Windows and is not tested
 * on the Linux build machines (ADR 0017).
 */
public final class WindowsCertificateStoreKeySource implements NoticeKeySource {

    private final String alias;

    /** @param alias the certificate's friendly name/alias as SunMSCAPI lists it, or null for the first key */
    public WindowsCertificateStoreKeySource(String alias) {
        this.alias = alias;
    }

    @Override
    public SigningKey open() throws NoticeSigningException {
        if (!System.getProperty("os.name", "").startsWith("Windows")) {
            throw new NoticeSigningException("the Windows certificate store exists only on Windows");
        }
        try {
            return SigningKey.choose(new MSCAPISignatureToken(), alias, describe());
        } catch (RuntimeException e) {
            throw new NoticeSigningException("cannot open " + describe(), e);
        }
    }

    @Override
    public String describe() {
        return "Windows certificate store";
    }
}
