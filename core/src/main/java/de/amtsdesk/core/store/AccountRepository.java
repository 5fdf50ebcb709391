package de.amtsdesk.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The one account row of the data directory, the only place the access token is kept. */
public final class AccountRepository {

    private final Jdbc jdbc;

    AccountRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the account (after a login, or to change its display name), replacing what was there. */
    public void save(StoredAccount account) {
        jdbc.run("save account", c -> Jdbc.update(c, """
                MERGE INTO account (id, homeserver, user_id, device_id, access_token, display_name, updated_at)
                KEY (id) VALUES (1, ?, ?, ?, ?, ?, ?)""",
                account.homeserver(), account.userId(), account.deviceId(), account.accessToken(),
                account.displayName(), jdbc.now()));
    }

    public Optional<StoredAccount> load() {
        return jdbc.run("load account", c -> Jdbc.first(c, AccountRepository::map,
                "SELECT homeserver, user_id, device_id, access_token, display_name FROM account WHERE id = 1"));
    }

    /**
     * Soft logout: forgets the token and keeps everything else (user, device, rooms, events, outbox, crypto
     * store), so logging in again as the same device continues where it stopped.
     *
     * @return whether there was a token to forget
     */
    public boolean clearAccessToken() {
        return jdbc.run("clear access token", c -> Jdbc.update(c,
                "UPDATE account SET access_token = NULL, updated_at = ? WHERE id = 1 AND access_token IS NOT NULL",
                jdbc.now())) > 0;
    }

    private static StoredAccount map(ResultSet row) throws SQLException {
        return new StoredAccount(row.getString("homeserver"), row.getString("user_id"), row.getString("device_id"),
                row.getString("access_token"), row.getString("display_name"));
    }
}
