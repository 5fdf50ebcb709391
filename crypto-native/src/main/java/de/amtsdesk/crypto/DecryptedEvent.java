package de.amtsdesk.crypto;

import java.util.Objects;

/**
 * A decrypted room event.
 *
 * @param clearEventJson the whole decrypted event ({@code type}, {@code content}, {@code sender},
 *     {@code event_id}, {@code origin_server_ts}, {@code room_id}, …) as JSON
 * @param senderCurve25519Key the Curve25519 key of the device that created the Megolm session
 * @param claimedEd25519Key the Ed25519 key that device claimed, or {@code null} if it claimed none
 * @param verificationState how far the sender can be trusted
 */
public record DecryptedEvent(
        String clearEventJson,
        String senderCurve25519Key,
        String claimedEd25519Key,
        VerificationState verificationState) {

    public DecryptedEvent {
        Objects.requireNonNull(clearEventJson, "clearEventJson");
        Objects.requireNonNull(senderCurve25519Key, "senderCurve25519Key");
        Objects.requireNonNull(verificationState, "verificationState");
    }

    /**
     * Reads one result of the native decryption (five strings from {@code offset}) and throws
     * {@link DecryptionFailedException} for a failure.
     */
    static DecryptedEvent fromNative(String entryPoint, String[] fields, int offset) {
        if (fields == null || fields.length < offset + 5) {
            throw new CryptoNativeException(entryPoint + " returned a malformed result");
        }
        String status = fields[offset];
        if ("ok".equals(status)) {
            return new DecryptedEvent(fields[offset + 1], fields[offset + 2], fields[offset + 3],
                    verificationState(entryPoint, fields[offset + 4]));
        }
        if ("failed".equals(status)) {
            DecryptionFailedException.Reason reason = DecryptionFailedException.Reason.valueOf(fields[offset + 1]);
            throw new DecryptionFailedException(reason, entryPoint + ": " + fields[offset + 2]);
        }
        throw new CryptoNativeException(entryPoint + " returned an unknown status " + status);
    }

    private static VerificationState verificationState(String entryPoint, String name) {
        if (name == null) {
            throw new CryptoNativeException(entryPoint + " returned no verification state");
        }
        try {
            return VerificationState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new CryptoNativeException(entryPoint + " returned an unknown verification state " + name);
        }
    }
}
