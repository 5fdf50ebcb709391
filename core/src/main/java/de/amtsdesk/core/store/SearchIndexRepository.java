package de.amtsdesk.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The local full-text index (schema 3): documents (a decrypted message or a case note) and their normalised terms.
 * Tokenising and ranking live in {@code de.amtsdesk.core.staff.SearchIndex}; this class only stores and looks up.
 * A term lookup is a range scan of the (term, doc) primary key, so a prefix costs what its matches cost.
 */
public final class SearchIndexRepository {

    public enum Kind { MESSAGE, NOTE }

    /** A stored document; {@code docId} is assigned by the store (0 in one to add). */
    public record Document(long docId, String eventId, String roomId, String caseId, Kind kind, String sender,
            long at, String body) {

        @Override
        public String toString() {
            return "SearchDocument[#" + docId + " " + eventId + " " + kind + "]";
        }
    }

    private static final String COLUMNS = "doc_id, event_id, room_id, case_id, kind, sender, at, body";

    private final Jdbc jdbc;

    private SearchIndexRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public static SearchIndexRepository of(AppDatabase db) {
        return new SearchIndexRepository(db.jdbc());
    }

    /**
     * Adds the document with its terms unless a document for the same event exists already.
     *
     * @return whether it was added
     */
    public boolean add(Document document, Collection<String> terms) {
        return jdbc.inTransaction("index document", c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM search_document WHERE event_id = ?", document.eventId()) > 0) {
                return false;
            }
            long docId;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO search_document (event_id, room_id, case_id, kind, sender, at, body)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, document.eventId());
                insert.setString(2, document.roomId());
                insert.setString(3, document.caseId());
                insert.setString(4, document.kind().name());
                insert.setString(5, Jdbc.clip(document.sender(), 255));
                insert.setLong(6, document.at());
                insert.setString(7, Jdbc.clip(document.body(), 100_000));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    docId = keys.getLong(1);
                }
            }
            insertTerms(c, docId, terms);
            return true;
        });
    }

    private static void insertTerms(Connection c, long docId, Collection<String> terms) throws SQLException {
        if (terms.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO search_term (term, doc_id) VALUES (?, ?)")) {
            for (String term : terms) {
                insert.setString(1, term);
                insert.setLong(2, docId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The documents having a term that starts with {@code prefix}, as a set of document IDs. */
    public BitSet withTermPrefix(String prefix) {
        String upper = prefix + Character.MAX_VALUE;
        return jdbc.run("search terms", c -> {
            BitSet docs = new BitSet();
            try (PreparedStatement query = Jdbc.prepare(c,
                    "SELECT doc_id FROM search_term WHERE term >= ? AND term < ?", prefix, upper);
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    docs.set(Math.toIntExact(rows.getLong(1)));
                }
            }
            return docs;
        });
    }

    /** The documents with these IDs, newest (highest ID) first. */
    public List<Document> documents(Collection<Long> docIds) {
        if (docIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(docIds.size(), "?"));
        return jdbc.run("load search documents", c -> Jdbc.list(c, SearchIndexRepository::map, "SELECT " + COLUMNS
                + " FROM search_document WHERE doc_id IN (" + marks + ") ORDER BY doc_id DESC", docIds.toArray()));
    }

    public Optional<Document> byEvent(String eventId) {
        return jdbc.run("load search document", c -> Jdbc.first(c, SearchIndexRepository::map, "SELECT " + COLUMNS
                + " FROM search_document WHERE event_id = ?", eventId));
    }

    public long documentCount() {
        return jdbc.run("count search documents", c -> Jdbc.count(c, "SELECT COUNT(*) FROM search_document"));
    }

    // ---- events to index once they can be decrypted ----

    public void addPending(String eventId) {
        jdbc.run("add pending search event", c -> Jdbc.update(c,
                "MERGE INTO search_pending (event_id, added_at) KEY (event_id) VALUES (?, ?)", eventId, jdbc.now()));
    }

    public List<String> pending(int limit) {
        return jdbc.run("list pending search events", c -> Jdbc.list(c, row -> row.getString(1),
                "SELECT event_id FROM search_pending ORDER BY added_at, event_id LIMIT ?", limit));
    }

    public void removePending(String eventId) {
        jdbc.run("remove pending search event", c -> Jdbc.update(c,
                "DELETE FROM search_pending WHERE event_id = ?", eventId));
    }

    private static Document map(ResultSet row) throws SQLException {
        return new Document(row.getLong("doc_id"), row.getString("event_id"), row.getString("room_id"),
                row.getString("case_id"), Kind.valueOf(row.getString("kind")), row.getString("sender"),
                row.getLong("at"), row.getString("body"));
    }
}
