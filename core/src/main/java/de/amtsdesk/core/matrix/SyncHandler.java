package de.amtsdesk.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Processes one {@code /sync} response completely (crypto first, then rooms) and persists what must survive a
 * restart together with {@code nextBatch}. If it throws, the loop fetches the same batch again.
 */
@FunctionalInterface
public interface SyncHandler {

    /**
     * Takes in what the server forgets once a later token is used: its to-device events. {@link SyncService} calls
     * this right after each response arrives, before it fetches the next one; when a response carries a full page
     * of to-device events, it fetches the next at once and calls this again, and only then {@link #handle} for
     * each response in order, so timelines are decrypted with all waiting room keys in hand (issue 11).
     *
     * <p>A handler that takes in nothing here does all in {@link #handle}.
     */
    default void takeToDevice(JsonNode response, String nextBatch) throws MatrixException {
    }

    void handle(JsonNode response, String nextBatch) throws MatrixException;
}
