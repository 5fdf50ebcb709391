package de.amtsdesk.core.cases.templates;

import java.util.List;

/**
 * A rendered template. {@code missing}: placeholders with neither a value nor a fallback; they stay in the text
 * as {@code {name}} so the caseworker sees the gap. {@code fellBack}: placeholders without a value whose
 * fallback text was used.
 */
public record TemplatePreview(String text, List<String> missing, List<String> fellBack) {

    public TemplatePreview {
        missing = List.copyOf(missing);
        fellBack = List.copyOf(fellBack);
    }

    /** True when the text can be sent as is. */
    public boolean complete() {
        return missing.isEmpty();
    }
}
