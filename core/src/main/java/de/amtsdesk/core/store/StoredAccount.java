package de.amtsdesk.core.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The account of this data directory as stored: where it logs in, who it is, which device this workstation is.
 * The access token is {@code null} after a soft logout. {@link #toString()} leaves the token out.
 */
public record StoredAccount(String homeserver, String userId, String deviceId, String accessToken,
        String displayName) {

    public StoredAccount {
        Objects.requireNonNull(homeserver, "homeserver");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
    }

    public Optional<String> token() {
        return Optional.ofNullable(accessToken);
    }

    public boolean loggedIn() {
        return accessToken != null;
    }

    public StoredAccount withAccessToken(String token) {
        return new StoredAccount(homeserver, userId, deviceId, token, displayName);
    }

    @Override
    public String toString() {
        return "StoredAccount[" + homeserver + ", " + userId + ", device " + deviceId
                + (loggedIn() ? "" : ", logged out") + "]";
    }
}
