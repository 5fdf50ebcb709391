package de.amtsdesk.core.cases.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes audit entries as a JSON document for a data-protection officer or an auditor:
 * {@code {"format":"amtsdesk-audit","v":1,"entries":[...]}} with ISO-8601 UTC times. Built by hand rather than
 * by reflection so the exported format stays fixed when the records grow.
 */
public final class AuditExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditExport() {
    }

    public static void write(List<AuditEntry> entries, OutputStream out) throws IOException {
        JSON.writeValue(out, toJson(entries));
    }

    public static String toJsonString(List<AuditEntry> entries) {
        try {
            return JSON.writeValueAsString(toJson(entries));
        } catch (IOException e) {
            throw new IllegalStateException("serialising an in-memory tree cannot fail", e);
        }
    }

    public static ObjectNode toJson(List<AuditEntry> entries) {
        ObjectNode root = JSON.createObjectNode().put("format", "amtsdesk-audit").put("v", 1);
        ArrayNode array = root.putArray("entries");
        for (AuditEntry entry : entries) {
            ObjectNode node = array.addObject()
                    .put("sequence", entry.sequence())
                    .put("eventId", entry.eventId())
                    .put("at", entry.at().toString())
                    .put("actor", entry.actor())
                    .put("caseId", entry.caseId())
                    .put("action", entry.action())
                    .put("outcome", entry.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (entry.rejection() != null) {
                node.put("rejection", entry.rejection().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (entry.detail() != null) {
                node.put("detail", entry.detail());
            }
            ArrayNode changes = node.putArray("changes");
            for (FieldChange change : entry.changes()) {
                changes.addObject().put("field", change.field()).put("before", change.before())
                        .put("after", change.after());
            }
        }
        return root;
    }
}
