package de.amtsdesk.core.engine;

/**
 * The account has a key backup already. Creating another one would leave every older conversation readable only
 * through the old version's recovery key, so it is never done silently: replacing needs the explicit, confirmed
 * {@link AgencyEngine#replaceKeyBackup(String)}.
 */
public final class KeyBackupExistsException extends Exception {

    private final String version;

    public KeyBackupExistsException(String version) {
        super("the account already has key backup version " + version);
        this.version = version;
    }

    public String version() {
        return version;
    }
}
