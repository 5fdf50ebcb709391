package de.amtsdesk.core.cases.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The case types a unit can choose from: groups (life situations) and services under them, in German and
 * English. The fold never checks a case type against the catalogue, because two workstations may carry different
 * catalogue files; an unknown key is shown as the key itself.
 */
public final class ServiceCatalogue {

    /** The catalogue shipped with the app. */
    public static final String BUNDLED = "/de/amtsdesk/core/cases/catalogue/services-v1.json";

    private final String id;
    private final Map<String, ServiceGroup> groups;
    private final Map<String, PublicService> services;

    ServiceCatalogue(String id, List<ServiceGroup> groups, List<PublicService> services) {
        this.id = id;
        this.groups = new LinkedHashMap<>();
        groups.forEach(g -> this.groups.put(g.key(), g));
        this.services = new LinkedHashMap<>();
        services.forEach(s -> this.services.put(s.key(), s));
    }

    public static ServiceCatalogue bundled() {
        try (InputStream in = ServiceCatalogue.class.getResourceAsStream(BUNDLED)) {
            return CatalogueLoader.load(Objects.requireNonNull(in, BUNDLED), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CatalogueException e) {
            throw new IllegalStateException("the bundled catalogue is broken", e);
        }
    }

    public String id() {
        return id;
    }

    public List<ServiceGroup> groups() {
        return List.copyOf(groups.values());
    }

    public List<PublicService> services() {
        return List.copyOf(services.values());
    }

    public Optional<ServiceGroup> group(String key) {
        return Optional.ofNullable(groups.get(key));
    }

    public Optional<PublicService> service(String key) {
        return Optional.ofNullable(services.get(key));
    }

    public List<PublicService> servicesIn(String groupKey) {
        return services.values().stream().filter(s -> s.groupKey().equals(groupKey)).toList();
    }

    /** The display name of a case type: the service's name, or the key itself for a type we do not know. */
    public String nameOf(String serviceKey, Locale locale) {
        return service(serviceKey).map(s -> s.name(locale)).orElse(serviceKey);
    }

    /** Services whose name in the given language contains the text (case-insensitive), for the type picker. */
    public List<PublicService> search(String text, Locale locale) {
        String needle = text.strip().toLowerCase(locale);
        return services.values().stream().filter(s -> s.name(locale).toLowerCase(locale).contains(needle)
                || s.key().contains(needle)).toList();
    }
}
