package de.amtsdesk.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request the crypto machine needs sent to the homeserver. Send {@code method} {@code path}
 * (relative to the homeserver's base URL, parts already URL-encoded) with {@code bodyJson} and the
 * access token, then hand the 2xx response body to
 * {@link OlmMachineHandle#markRequestAsSent(String, Type, String)} with {@code requestId}.
 *
 * @param requestId pass back to {@code markRequestAsSent}; for {@link Type#TO_DEVICE} and
 *     {@link Type#ROOM_MESSAGE} it is also the transaction id in the path
 * @param bodyJson the JSON request body
 */
public record OutgoingRequest(String requestId, Type type, String method, String path, String bodyJson) {

    public enum Type {
        /** {@code POST /_matrix/client/v3/keys/upload}: device keys, one-time and fallback keys. */
        KEYS_UPLOAD,
        /** {@code POST /_matrix/client/v3/keys/query}: other users' devices and cross-signing keys. */
        KEYS_QUERY,
        /** {@code POST /_matrix/client/v3/keys/claim}: one-time keys, to open Olm sessions. */
        KEYS_CLAIM,
        /** {@code PUT /_matrix/client/v3/sendToDevice/{type}/{txnId}}: room keys and other to-device messages. */
        TO_DEVICE,
        /** {@code POST /_matrix/client/v3/keys/signatures/upload}. */
        SIGNATURE_UPLOAD,
        /** {@code PUT /_matrix/client/v3/rooms/{roomId}/send/{type}/{txnId}} (in-room verification). */
        ROOM_MESSAGE,
        /** {@code PUT /_matrix/client/v3/room_keys/keys?version=V}: server-side key backup. */
        KEYS_BACKUP
    }

    public OutgoingRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bodyJson, "bodyJson");
    }

    /** Reads the flat native form: five strings {@code (requestId, type, method, path, body)} per request. */
    static List<OutgoingRequest> fromNative(String entryPoint, String[] fields) {
        if (fields == null || fields.length % 5 != 0) {
            throw new CryptoNativeException(entryPoint + " returned a malformed request list");
        }
        List<OutgoingRequest> requests = new ArrayList<>(fields.length / 5);
        for (int i = 0; i < fields.length; i += 5) {
            requests.add(fromNative(fields, i));
        }
        return List.copyOf(requests);
    }

    static OutgoingRequest fromNative(String[] fields, int offset) {
        return new OutgoingRequest(fields[offset], Type.valueOf(fields[offset + 1]), fields[offset + 2],
                fields[offset + 3], fields[offset + 4]);
    }
}
