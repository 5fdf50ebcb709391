package de.amtsdesk.e2e.harness;

/**
 * A user created on the test Synapse. The access token belongs to a device made by the registration;
 * clients under test usually log in again with {@link #password()} to get their own device.
 */
public record RegisteredUser(String userId, String accessToken, String deviceId, String password) {
    /** The localpart, e.g. "alice-1" for "@alice-1:localhost". */
    public String localpart() {
        return userId.substring(1, userId.indexOf(':'));
    }

    /** Never prints the token or password: records end up in test logs and assertion messages. */
    @Override
    public String toString() {
        return "RegisteredUser[" + userId + ", device " + deviceId + "]";
    }
}
