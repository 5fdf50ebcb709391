package de.amtsdesk.core.matrix;

/** A logged-in device of an account. The access token never appears in logs or toString. */
public record Session(HomeserverUrl homeserver, String userId, String deviceId, String accessToken) {

    @Override
    public String toString() {
        return "Session[" + homeserver + ", " + userId + ", device " + deviceId + "]";
    }
}
