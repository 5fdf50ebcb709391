package de.amtsdesk.core.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The notice templates a workstation offers, per case type and language. The app ships
 * {@code notice-templates.json}; German is the fallback language because the German notice is the binding one.
 */
public final class NoticeTemplateCatalogue {

    public static final String FALLBACK_LANGUAGE = "de";
    private static final String BUILT_IN = "/de/amtsdesk/core/notice/notice-templates.json";

    private final List<NoticeTemplate> templates;

    public NoticeTemplateCatalogue(List<NoticeTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    public static NoticeTemplateCatalogue builtIn() {
        try (InputStream in = NoticeTemplateCatalogue.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in notice templates missing: " + BUILT_IN);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the file is not a v1 notice template file or a template is invalid */
    public static NoticeTemplateCatalogue read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !"amtsdesk-notice-templates".equals(root.path("format").asText())
                || root.path("v").asInt() != 1) {
            throw new IllegalArgumentException("not an amtsdesk-notice-templates v1 file");
        }
        List<NoticeTemplate> templates = new ArrayList<>();
        for (JsonNode t : root.path("templates")) {
            templates.add(new NoticeTemplate(t.path("id").asText(null), t.path("lang").asText(null),
                    t.path("caseType").asText(null), t.path("title").asText(null), t.path("body").asText(null)));
        }
        return new NoticeTemplateCatalogue(templates);
    }

    /** The templates offered for a case type, one per id, in the wanted language where there is one. */
    public List<NoticeTemplate> forCase(String caseType, Locale locale) {
        return templates.stream().map(NoticeTemplate::id).distinct()
                .map(id -> find(id, locale)).flatMap(Optional::stream)
                .filter(t -> t.appliesTo(caseType))
                .sorted(Comparator.comparingInt(NoticeTemplate::specificity).reversed()
                        .thenComparing(NoticeTemplate::id))
                .toList();
    }

    /** The template in the wanted language, else the German one. */
    public Optional<NoticeTemplate> find(String id, Locale locale) {
        Optional<NoticeTemplate> exact = byIdAndLanguage(id, locale.getLanguage());
        return exact.isPresent() ? exact : byIdAndLanguage(id, FALLBACK_LANGUAGE);
    }

    private Optional<NoticeTemplate> byIdAndLanguage(String id, String language) {
        return templates.stream().filter(t -> t.id().equals(id) && t.language().equals(language)).findFirst();
    }

    public List<NoticeTemplate> all() {
        return templates;
    }
}
