package de.amtsdesk.crypto;

import java.util.Objects;

/**
 * What to send to create this user's cross-signing identity, in this order:
 *
 * <ol>
 *   <li>{@code POST /_matrix/client/v3/keys/device_signing/upload} with
 *       {@code uploadSigningKeysBodyJson} plus the user-interactive {@code "auth"} object the
 *       server asks for (the body has {@code master_key}, {@code self_signing_key},
 *       {@code user_signing_key});
 *   <li>{@code signatureUpload}, then {@link OlmMachineHandle#markRequestAsSent} with its id and
 *       {@link OutgoingRequest.Type#SIGNATURE_UPLOAD} (this also records step 1 as done).
 * </ol>
 */
public record CrossSigningBootstrap(String uploadSigningKeysBodyJson, OutgoingRequest signatureUpload) {

    public CrossSigningBootstrap {
        Objects.requireNonNull(uploadSigningKeysBodyJson, "uploadSigningKeysBodyJson");
        Objects.requireNonNull(signatureUpload, "signatureUpload");
    }
}
