package de.amtsdesk.core.notice;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file that goes with a notice inside the PDF (PDF/A-3 "associated file"): a calculation as CSV or XML, the
 * citizen's application it answers. It is part of the signed bytes, so it is as proven as the notice text.
 *
 * @param relationship how it relates to the notice, as PDF/A-3 names it: Source, Data, Alternative, Supplement
 */
public record NoticeAttachment(String name, String mimeType, byte[] content, Relationship relationship) {

    /** PDF/A-3's /AFRelationship values that fit a notice's attachments. */
    public enum Relationship { SOURCE, DATA, ALTERNATIVE, SUPPLEMENT }

    /** Per file; the whole PDF is bounded by the verifier's size cap anyway. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final Pattern MIME = Pattern.compile("[a-z0-9.+-]+/[a-z0-9.+-]+");

    public NoticeAttachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(relationship, "relationship");
        if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(c -> Character.isISOControl(c)
                || c == '/' || c == '\\')) {
            throw new IllegalArgumentException("an attachment needs a plain file name of at most 200 characters");
        }
        mimeType = mimeType == null || !MIME.matcher(mimeType).matches() ? "application/octet-stream" : mimeType;
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("attachment larger than " + MAX_BYTES + " bytes: " + name);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    String pdfName() {
        String n = relationship.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
