package de.amtsdesk.core.cases.templates;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Fills a template's placeholders; never throws on missing values, it reports them instead. */
public final class TemplateRenderer {

    private TemplateRenderer() {
    }

    public static TemplatePreview preview(ReplyTemplate template, Map<String, String> values) {
        return preview(template.text(), values);
    }

    public static TemplatePreview preview(TemplateText text, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> fellBack = new LinkedHashSet<>();
        for (TemplateText.Part part : text.parts()) {
            switch (part) {
                case TemplateText.Literal literal -> out.append(literal.text());
                case TemplateText.Slot slot -> {
                    String value = values.get(slot.name());
                    if (value != null && !value.isBlank()) {
                        out.append(value);
                    } else if (slot.fallback() != null) {
                        out.append(slot.fallback());
                        fellBack.add(slot.name());
                    } else {
                        out.append('{').append(slot.name()).append('}');
                        missing.add(slot.name());
                    }
                }
            }
        }
        return new TemplatePreview(out.toString(), missing.stream().toList(), fellBack.stream().toList());
    }
}
