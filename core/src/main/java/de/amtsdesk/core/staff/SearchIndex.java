package de.amtsdesk.core.staff;

import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.SearchIndexRepository;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Full-text search over the locally decrypted conversation text and the case notes, inside the encrypted store.
 * An inverted index of normalised terms: lower case, accents and umlauts folded to their base letter, ß to ss, so
 * "Muller" finds "Müller" and "strasse" finds "Straße". Every query word matches as a prefix of a word of the
 * document, and a document must match all query words; the newest documents come first.
 */
public final class SearchIndex {

    /** Words shorter than this are not indexed or searched (too many matches to mean anything). */
    static final int MIN_TERM = 2;
    static final int MAX_TERM = 64;
    /** A query with more words than this uses only the first ones. */
    static final int MAX_QUERY_TERMS = 8;

    /** One match; {@code caseId} is null for a message in a room that has no case (yet). */
    public record Hit(String eventId, String roomId, String caseId, SearchIndexRepository.Kind kind, String sender,
            Instant at, String text) {
    }

    /** Resolves a room to its case for message hits (the case book knows). */
    @FunctionalInterface
    public interface CaseOfRoom {
        String caseIdOf(String roomId);
    }

    private final SearchIndexRepository repository;

    public SearchIndex(AppDatabase db) {
        this.repository = SearchIndexRepository.of(db);
    }

    SearchIndexRepository repository() {
        return repository;
    }

    /** Indexes a citizen-room message; a second call for the same event does nothing. */
    public boolean addMessage(String eventId, String roomId, String sender, Instant at, String text) {
        return add(SearchIndexRepository.Kind.MESSAGE, eventId, roomId, null, sender, at, text);
    }

    /** Indexes a case note; a second call for the same event does nothing. */
    public boolean addNote(String eventId, String roomId, String caseId, String author, Instant at, String text) {
        return add(SearchIndexRepository.Kind.NOTE, eventId, roomId, caseId, author, at, text);
    }

    private boolean add(SearchIndexRepository.Kind kind, String eventId, String roomId, String caseId, String sender,
            Instant at, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return repository.add(new SearchIndexRepository.Document(0, eventId, roomId, caseId, kind, sender,
                at.toEpochMilli(), text), terms(text));
    }

    /** Documents matching every word of the query, newest first, at most {@code limit}. */
    public List<Hit> search(String query, int limit, CaseOfRoom cases) {
        List<String> words = new ArrayList<>(terms(query));
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        // Longer words are usually rarer: start with them, and stop as soon as nothing is left.
        words.sort((a, b) -> Integer.compare(b.length(), a.length()));
        BitSet matching = null;
        for (String word : words.subList(0, Math.min(words.size(), MAX_QUERY_TERMS))) {
            BitSet docs = repository.withTermPrefix(word);
            if (matching == null) {
                matching = docs;
            } else {
                matching.and(docs);
            }
            if (matching.isEmpty()) {
                return List.of();
            }
        }
        List<Long> newest = new ArrayList<>();
        for (int doc = matching.length() - 1; doc >= 0 && newest.size() < limit; doc = matching.previousSetBit(doc - 1)) {
            newest.add((long) doc);
        }
        List<Hit> hits = new ArrayList<>();
        for (SearchIndexRepository.Document d : repository.documents(newest)) {
            String caseId = d.caseId() != null ? d.caseId() : cases.caseIdOf(d.roomId());
            hits.add(new Hit(d.eventId(), d.roomId(), caseId, d.kind(), d.sender(), Instant.ofEpochMilli(d.at()),
                    d.body()));
        }
        return hits;
    }

    public long size() {
        return repository.documentCount();
    }

    /** The distinct normalised words of a text, in order of appearance. */
    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        String folded = fold(text);
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String word = folded.substring(start, Math.min(i, start + MAX_TERM));
                if (word.length() >= MIN_TERM) {
                    terms.add(word);
                }
                start = -1;
            }
        }
        return terms;
    }

    /** Lower case without diacritics; ß becomes ss. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ß", "ss");
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
