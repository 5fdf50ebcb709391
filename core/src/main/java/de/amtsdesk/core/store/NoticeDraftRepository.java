package de.amtsdesk.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.core.notice.NoticeAttachment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The notice drafted for a case (schema 12, table {@code notice_drafts}), inside the encrypted store: template, the
 * values typed into its gaps, and — from the sign-off request on — the exact PDF bytes the unit approves, then the
 * signed PDF. Survives lock, restart and a crash between approval and signing.
 */
public final class NoticeDraftRepository implements NoticeDraftStore {

    /**
     * A saved notice draft.
     *
     * @param requestedPdf   the bytes sign-off was requested for, or null while still editing
     * @param requestedPages their page count (the signature field goes on the last page), or 0 without them
     * @param signedPdf      the signed notice, or null before signing
     */
    public record NoticeDraftState(String caseId, String templateId, Map<String, String> gapValues,
            List<NoticeAttachment> attachments, byte[] requestedPdf, int requestedPages, byte[] signedPdf,
            boolean sent, Instant updatedAt) {

        public NoticeDraftState {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(templateId, "templateId");
            gapValues = Map.copyOf(gapValues);
            attachments = List.copyOf(attachments);
            if ((requestedPdf == null) != (requestedPages == 0)) {
                throw new IllegalArgumentException("requested PDF and its page count go together");
            }
            if (signedPdf != null && requestedPdf == null) {
                throw new IllegalArgumentException("signed without a requested PDF");
            }
        }

        @Override
        public String toString() {
            // Gap values and PDFs are case content: never in a log line.
            return "NoticeDraftState[" + caseId + ", " + templateId + ", " + gapValues.size() + " gaps, "
                    + attachments.size() + " attachments, requested="
                    + (requestedPdf != null) + ", signed=" + (signedPdf != null) + ", sent=" + sent + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> GAPS = new TypeReference<>() { };

    private final Jdbc jdbc;

    NoticeDraftRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(NoticeDraftState state) {
        String gaps;
        try {
            gaps = JSON.writeValueAsString(new java.util.TreeMap<>(state.gapValues()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice draft not saved: gap values not serialisable", e);
        }
        jdbc.run("save notice draft", c -> Jdbc.update(c, """
                MERGE INTO notice_drafts (case_id, template_id, gap_values, attachments, requested_pdf,
                    requested_pages, signed_pdf, sent, updated_at) KEY (case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                state.caseId(), state.templateId(), gaps, encode(state.attachments()), state.requestedPdf(),
                state.requestedPdf() == null ? null : state.requestedPages(), state.signedPdf(), state.sent(),
                jdbc.now()));
    }

    @Override
    public Optional<NoticeDraftState> load(String caseId) {
        return jdbc.run("load notice draft", c -> Jdbc.first(c, NoticeDraftRepository::state,
                "SELECT * FROM notice_drafts WHERE case_id = ?", caseId));
    }

    /** @return whether there was one */
    public boolean delete(String caseId) {
        return jdbc.run("delete notice draft",
                c -> Jdbc.update(c, "DELETE FROM notice_drafts WHERE case_id = ?", caseId)) > 0;
    }

    private static NoticeDraftState state(java.sql.ResultSet row) throws java.sql.SQLException {
        Map<String, String> gaps;
        try {
            gaps = JSON.readValue(row.getString("gap_values"), GAPS);
        } catch (JsonProcessingException e) {
            // Written by save() only; if damaged, the typed values are lost but the PDFs (the part that matters
            // for the approval) are not.
            gaps = Map.of();
        }
        byte[] requested = row.getBytes("requested_pdf");
        return new NoticeDraftState(row.getString("case_id"), row.getString("template_id"), gaps,
                decode(row.getBytes("attachments")), requested,
                requested == null ? 0 : row.getInt("requested_pages"), row.getBytes("signed_pdf"),
                row.getBoolean("sent"), Instant.ofEpochMilli(row.getLong("updated_at")));
    }

    /** Version, count, then per attachment name, MIME type, relationship, length, bytes; null for none. */
    private static byte[] encode(List<NoticeAttachment> attachments) {
        if (attachments.isEmpty()) {
            return null;
        }
        try (var bytes = new ByteArrayOutputStream(); var out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeInt(attachments.size());
            for (NoticeAttachment a : attachments) {
                out.writeUTF(a.name());
                out.writeUTF(a.mimeType());
                out.writeUTF(a.relationship().name());
                byte[] content = a.content();
                out.writeInt(content.length);
                out.write(content);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<NoticeAttachment> decode(byte[] data) {
        if (data == null) {
            return List.of();
        }
        try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readByte() != 1) {
                return List.of();
            }
            int count = in.readInt();
            List<NoticeAttachment> attachments = new ArrayList<>();
            for (int i = 0; i < count && i < 100; i++) {
                String name = in.readUTF();
                String mime = in.readUTF();
                var relationship = NoticeAttachment.Relationship.valueOf(in.readUTF());
                int length = in.readInt();
                if (length < 0 || length > NoticeAttachment.MAX_BYTES) {
                    throw new IOException("attachment length " + length);
                }
                attachments.add(new NoticeAttachment(name, mime, in.readNBytes(length), relationship));
            }
            return attachments;
        } catch (IOException | IllegalArgumentException e) {
            // Written by encode() only; damaged, the attachments are lost but the draft's PDFs are not.
            return List.of();
        }
    }
}
