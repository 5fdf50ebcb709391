package de.amtsdesk.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Processes one {@code /sync} response completely (crypto first, then rooms) and persists what must survive a
 * restart together with {@code nextBatch}. If it throws, the loop fetches the same batch again.
 */
@FunctionalInterface
public interface SyncHandler {

    void handle(JsonNode response, String nextBatch) throws MatrixException;
}
