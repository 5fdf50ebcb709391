package de.amtsdesk.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Shared input handling for the fuzz targets: raw bytes as JSON, the way events reach the app. */
public final class FuzzInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FuzzInput() {
    }

    /**
     * The input parsed as JSON, or null when Jackson rejects it: invalid JSON never reaches our code in the app
     * either (the sync and store layers parse first), so that rejection is Jackson's, not a finding.
     */
    public static JsonNode json(byte[] input) {
        try {
            JsonNode node = JSON.readTree(input);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            // JsonProcessingException for bad syntax, CharConversionException for bytes in no JSON encoding.
            return null;
        }
    }
}
