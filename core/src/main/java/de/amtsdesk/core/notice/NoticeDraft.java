package de.amtsdesk.core.notice;

import java.util.List;
import java.util.Objects;

/**
 * A notice's text with the placeholders filled. {@code missing} names placeholders without value or fallback
 * (they stay visible as {@code {name}}): such a draft can be previewed but must not be signed.
 */
public record NoticeDraft(NoticeFacts facts, String templateId, String title, String body, List<String> missing) {

    public NoticeDraft {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
