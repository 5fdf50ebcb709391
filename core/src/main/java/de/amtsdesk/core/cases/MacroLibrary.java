package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.templates.TemplateLibrary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The unit's macros: for each (id, language) the version in force. Immutable; the fold replaces it when a newer
 * version is published. Like templates, German is the fallback language.
 */
public final class MacroLibrary {

    private record Key(String id, String language) {
    }

    private final Map<Key, Macro> current;

    private MacroLibrary(Map<Key, Macro> current) {
        this.current = Map.copyOf(current);
    }

    public static MacroLibrary empty() {
        return new MacroLibrary(Map.of());
    }

    public static MacroLibrary of(List<Macro> macros) {
        Map<Key, Macro> all = new HashMap<>();
        for (Macro macro : macros) {
            all.put(new Key(macro.id(), macro.language()), macro);
        }
        return new MacroLibrary(all);
    }

    /** The version in force for this id and language, retired or not. */
    public Optional<Macro> current(String id, String language) {
        return Optional.ofNullable(current.get(new Key(id, language)));
    }

    /** Whether a published version would replace the one in force (newest wins; equal versions lose). */
    public boolean accepts(Macro candidate) {
        return current(candidate.id(), candidate.language()).map(m -> candidate.version() > m.version()).orElse(true);
    }

    public MacroLibrary with(Macro macro) {
        Map<Key, Macro> next = new HashMap<>(current);
        next.put(new Key(macro.id(), macro.language()), macro);
        return new MacroLibrary(next);
    }

    /** The macro in the wanted language, else in German; empty when neither exists or it was retired. */
    public Optional<Macro> find(String id, Locale locale) {
        Optional<Macro> exact = current(id, locale.getLanguage());
        Optional<Macro> chosen = exact.isPresent() ? exact : current(id, TemplateLibrary.FALLBACK_LANGUAGE);
        return chosen.filter(m -> !m.retired());
    }

    /** The macros offered in a language: one per id, in that language where available, else German; by title. */
    public List<Macro> offered(Locale locale) {
        TreeSet<String> ids = new TreeSet<>();
        current.keySet().forEach(key -> ids.add(key.id()));
        List<Macro> offered = new ArrayList<>();
        for (String id : ids) {
            find(id, locale).ifPresent(offered::add);
        }
        offered.sort(Comparator.comparing(Macro::title).thenComparing(Macro::id));
        return offered;
    }

    public List<Macro> all() {
        return current.values().stream()
                .sorted(Comparator.comparing(Macro::id).thenComparing(Macro::language)).toList();
    }
}
