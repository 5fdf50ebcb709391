package de.amtsdesk.core.engine;

import java.util.Optional;

/**
 * What the caseworker and the admin see of the key backup: the server's current version, the version this
 * workstation backs up to, and how many of this device's room keys are in it.
 *
 * @param serverVersion the account's current backup version on the server, if any
 * @param localVersion the version this workstation uploads to, if it has the backup key
 * @param totalKeys room keys this workstation holds
 * @param backedUpKeys of those, the ones in {@code localVersion}
 */
public record KeyBackupStatus(Optional<String> serverVersion, Optional<String> localVersion, long totalKeys,
        long backedUpKeys) {

    /** The server has a backup, and this workstation does not back up to it (a new workstation should restore). */
    public boolean needsRestore() {
        return serverVersion.isPresent() && !serverVersion.equals(localVersion);
    }

    public boolean complete() {
        return serverVersion.isPresent() && serverVersion.equals(localVersion) && backedUpKeys >= totalKeys;
    }
}
