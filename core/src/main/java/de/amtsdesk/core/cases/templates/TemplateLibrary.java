package de.amtsdesk.core.cases.templates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The unit's reply templates: for each (id, language) the version in force. Immutable; the fold replaces it when
 * a newer version is published. German is the fallback language (the agency's official language).
 */
public final class TemplateLibrary {

    public static final String FALLBACK_LANGUAGE = "de";

    private record Key(String id, String language) {
    }

    private final Map<Key, ReplyTemplate> current;

    private TemplateLibrary(Map<Key, ReplyTemplate> current) {
        this.current = Map.copyOf(current);
    }

    public static TemplateLibrary empty() {
        return new TemplateLibrary(Map.of());
    }

    public static TemplateLibrary of(List<ReplyTemplate> templates) {
        TemplateLibrary library = empty();
        for (ReplyTemplate template : templates) {
            library = library.with(template);
        }
        return library;
    }

    /** The version in force for this id and language, retired or not. */
    public Optional<ReplyTemplate> current(String id, String language) {
        return Optional.ofNullable(current.get(new Key(id, language)));
    }

    /** Whether a published version would replace the one in force (newest wins; equal versions lose). */
    public boolean accepts(ReplyTemplate candidate) {
        return current(candidate.id(), candidate.language()).map(t -> candidate.version() > t.version()).orElse(true);
    }

    public TemplateLibrary with(ReplyTemplate template) {
        Map<Key, ReplyTemplate> next = new HashMap<>(current);
        next.put(new Key(template.id(), template.language()), template);
        return new TemplateLibrary(next);
    }

    /** The template in the wanted language, else in German; empty when neither exists or it was retired. */
    public Optional<ReplyTemplate> find(String id, Locale locale) {
        Optional<ReplyTemplate> exact = current(id, locale.getLanguage());
        Optional<ReplyTemplate> chosen = exact.isPresent() ? exact : current(id, FALLBACK_LANGUAGE);
        return chosen.filter(t -> !t.retired());
    }

    /** Templates offered for a case type, one per id, in the wanted language where available, by title. */
    public List<ReplyTemplate> forCase(String caseType, Locale locale) {
        TreeSet<String> ids = new TreeSet<>();
        current.keySet().forEach(key -> ids.add(key.id()));
        List<ReplyTemplate> offered = new ArrayList<>();
        for (String id : ids) {
            find(id, locale).filter(t -> t.appliesTo(caseType)).ifPresent(offered::add);
        }
        offered.sort(Comparator.comparing(ReplyTemplate::title).thenComparing(ReplyTemplate::id));
        return offered;
    }

    public List<ReplyTemplate> all() {
        return current.values().stream()
                .sorted(Comparator.comparing(ReplyTemplate::id).thenComparing(ReplyTemplate::language)).toList();
    }
}
