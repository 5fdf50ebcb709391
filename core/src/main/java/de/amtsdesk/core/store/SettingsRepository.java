package de.amtsdesk.core.store;

import java.util.Objects;
import java.util.Optional;

/** Small named values of one workstation profile (schema 8), such as the unit's staff room. Never secrets. */
public final class SettingsRepository {

    /** The staff room of the caseworker's unit (on the staff profile). */
    public static final String STAFF_ROOM = "staff.room";

    private final Jdbc jdbc;

    SettingsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String key) {
        return jdbc.run("read setting", c -> Jdbc.first(c, row -> row.getString(1),
                "SELECT setting_value FROM workstation_settings WHERE setting_key = ?", key));
    }

    public void put(String key, String value) {
        Objects.requireNonNull(value, "value");
        jdbc.run("save setting", c -> Jdbc.update(c,
                "MERGE INTO workstation_settings (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)",
                key, value));
    }

    public void remove(String key) {
        jdbc.run("remove setting", c -> Jdbc.update(c, "DELETE FROM workstation_settings WHERE setting_key = ?",
                key));
    }
}
