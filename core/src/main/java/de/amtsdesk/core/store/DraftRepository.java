package de.amtsdesk.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Unsent drafts (schema 7, table {@code drafts}), one per conversation, inside the encrypted store: they survive
 * lock/unlock and restarts. The key is the caller's choice of case ID or room ID (one namespace, at most 255
 * characters). {@link #toString()} of a {@link Draft} leaves the text out.
 */
public final class DraftRepository {

    /** A saved draft. */
    public record Draft(String key, String text, Instant updatedAt) {

        @Override
        public String toString() {
            return "Draft[" + key + ", " + text.length() + " chars, " + updatedAt + "]";
        }
    }

    private final Jdbc jdbc;

    DraftRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves (replaces) the draft of {@code key}; an empty text deletes it (a cleared compose box is no draft). */
    public void save(String key, String text) {
        requireKey(key);
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            delete(key);
            return;
        }
        jdbc.run("save draft", c -> Jdbc.update(c,
                "MERGE INTO drafts (draft_key, text, updated_at) KEY (draft_key) VALUES (?, ?, ?)",
                key, text, jdbc.now()));
    }

    public Optional<Draft> load(String key) {
        requireKey(key);
        return jdbc.run("load draft", c -> Jdbc.first(c, DraftRepository::draft,
                "SELECT * FROM drafts WHERE draft_key = ?", key));
    }

    /** @return whether there was a draft */
    public boolean delete(String key) {
        requireKey(key);
        return jdbc.run("delete draft", c -> Jdbc.update(c, "DELETE FROM drafts WHERE draft_key = ?", key)) > 0;
    }

    /** Every draft, newest first (e.g. to mark conversations that have one). */
    public List<Draft> all() {
        return jdbc.run("list drafts", c -> Jdbc.list(c, DraftRepository::draft,
                "SELECT * FROM drafts ORDER BY updated_at DESC, draft_key"));
    }

    private static Draft draft(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Draft(row.getString("draft_key"), row.getString("text"),
                Instant.ofEpochMilli(row.getLong("updated_at")));
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 255) {
            throw new IllegalArgumentException("a draft key is a case or room ID of 1 to 255 characters");
        }
    }
}
