package de.amtsdesk.core.cases;

import java.time.Instant;

/** An internal note on a case; lives in the staff room only, never in the citizen's room. */
public record Note(String eventId, String author, Instant at, String text) {
}
