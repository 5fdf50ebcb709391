package de.amtsdesk.crypto;

import java.util.Objects;

/**
 * A freshly generated server-side key backup key.
 *
 * @param recoveryKey the Matrix recovery key (base58 of prefix, 32-byte key and parity, without
 *     spaces; spaces in a key typed back in are ignored); whoever has it can read every backed-up
 *     room key, so show it to the caseworker or keep it in the agency's secret store, never in logs
 * @param versionRequestBodyJson the body of {@code POST /_matrix/client/v3/room_keys/version}:
 *     {@code {"algorithm":"m.megolm_backup.v1.curve25519-aes-sha2","auth_data":{"public_key":…,"signatures":…}}}
 */
public record BackupCreation(String recoveryKey, String versionRequestBodyJson) {

    public BackupCreation {
        Objects.requireNonNull(recoveryKey, "recoveryKey");
        Objects.requireNonNull(versionRequestBodyJson, "versionRequestBodyJson");
    }

    @Override
    public String toString() {
        return "BackupCreation[recoveryKey=<hidden>, versionRequestBodyJson=" + versionRequestBodyJson + "]";
    }
}
