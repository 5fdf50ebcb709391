package de.amtsdesk.crypto;

import java.util.Optional;

/**
 * What reading secret storage brought: the key backup's own recovery key (to restore the backup with), and the
 * signature upload that makes this device signed by the account's cross-signing identity.
 */
public record SecretStorageImport(Optional<String> backupRecoveryKey, Optional<OutgoingRequest> signatureUpload) {

    @Override
    public String toString() {
        return "SecretStorageImport[backup key " + (backupRecoveryKey.isPresent() ? "found" : "absent")
                + ", device signature " + (signatureUpload.isPresent() ? "to upload" : "none") + "]";
    }
}
