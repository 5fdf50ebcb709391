package de.amtsdesk.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.amtsdesk.core.cases.templates.Placeholders;
import de.amtsdesk.core.cases.templates.ReplyTemplate;
import de.amtsdesk.core.cases.templates.TemplatePreview;
import de.amtsdesk.core.cases.templates.TemplateRenderer;
import de.amtsdesk.core.cases.templates.TemplateText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * A template body from arbitrary text. Contract (TemplateText, ReplyTemplate, TemplateRenderer Javadoc): parsing
 * returns parts or throws IllegalArgumentException naming what is wrong; the renderer never throws and reports
 * missing values. Beyond not crashing: writing the parts back in template syntax and parsing again gives the same
 * parts, and a preview with every value present is complete. Seeds: {@code TemplateFuzzTestInputs/}.
 */
class TemplateFuzzTest {

    private static final Instant PUBLISHED = Instant.parse("2026-03-02T09:00:00Z");

    @FuzzTest(maxDuration = "3m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void parseAndRender(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        TemplateText text;
        try {
            text = TemplateText.parse(body);
        } catch (IllegalArgumentException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        }
        assertThat(TemplateText.parse(write(text))).isEqualTo(text);

        TemplatePreview empty = TemplateRenderer.preview(text, Map.of());
        assertThat(empty.missing()).isSubsetOf(text.placeholderNames());
        assertThat(empty.fellBack()).isSubsetOf(text.placeholderNames());
        Map<String, String> all = new HashMap<>();
        text.placeholderNames().forEach(name -> all.put(name, "Wert für " + name));
        TemplatePreview full = TemplateRenderer.preview(text, all);
        assertThat(full.complete()).isTrue();
        assertThat(full.fellBack()).isEmpty();

        try {
            ReplyTemplate template = new ReplyTemplate("fuzz.vorlage", "de", "*", 1, "Titel", body, false,
                    "@lena.lead:amt.example", PUBLISHED);
            assertThat(template.text()).isEqualTo(text);
            assertThat(text.placeholderNames()).isSubsetOf(Placeholders.KNOWN);
        } catch (IllegalArgumentException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
        }
    }

    /** The parts in template syntax: braces in literals doubled, slots as {name} or {name|fallback}. */
    private static String write(TemplateText text) {
        StringBuilder out = new StringBuilder();
        for (TemplateText.Part part : text.parts()) {
            switch (part) {
                case TemplateText.Literal literal ->
                        out.append(literal.text().replace("{", "{{").replace("}", "}}"));
                case TemplateText.Slot slot -> {
                    out.append('{').append(slot.name());
                    if (slot.fallback() != null) {
                        out.append('|').append(slot.fallback());
                    }
                    out.append('}');
                }
            }
        }
        return out.toString();
    }
}
