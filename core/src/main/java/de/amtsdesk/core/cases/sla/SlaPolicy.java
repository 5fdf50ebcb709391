package de.amtsdesk.core.cases.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * SLA targets per case type on a business calendar. Types are matched by the longest dotted prefix of the
 * service key ({@code "identity"} covers {@code "identity.id-card.apply"}); fields a type leaves out come from
 * the next shorter prefix and finally from the defaults. The same JSON shape is the shipped default
 * ({@code sla/sla-default.json}) and the optional {@code sla} object of a unit policy event (ADR 0005).
 */
public record SlaPolicy(BusinessCalendar calendar, SlaTargets defaults, Map<String, PartialTargets> byType) {

    /** Targets a type overrides; null fields are inherited. */
    public record PartialTargets(Duration firstResponse, Duration nextResponse, Duration resolution) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_RESOURCE = "/de/amtsdesk/core/cases/sla/sla-default.json";

    public SlaPolicy {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(defaults, "defaults");
        byType = Map.copyOf(byType);
    }

    /** The policy shipped with the app (read once). */
    public static SlaPolicy standard() {
        return Standard.POLICY;
    }

    /** Lazy holder: the resource is parsed on first use, once. */
    private static final class Standard {
        static final SlaPolicy POLICY = read();
    }

    private static SlaPolicy read() {
        try (InputStream in = SlaPolicy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(JSON.readTree(Objects.requireNonNull(in, DEFAULT_RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SlaTargets targetsFor(String caseType) {
        Duration first = null;
        Duration next = null;
        Duration resolution = null;
        // Walk from the most specific prefix to the shortest, keeping the first value found for each field.
        for (String prefix = caseType; prefix != null; prefix = parent(prefix)) {
            PartialTargets partial = byType.get(prefix);
            if (partial != null) {
                first = first != null ? first : partial.firstResponse();
                next = next != null ? next : partial.nextResponse();
                resolution = resolution != null ? resolution : partial.resolution();
            }
        }
        return new SlaTargets(first != null ? first : defaults.firstResponse(),
                next != null ? next : defaults.nextResponse(),
                resolution != null ? resolution : defaults.resolution());
    }

    private static String parent(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? null : key.substring(0, dot);
    }

    /** Parses the JSON shape; a mistake throws {@link IllegalArgumentException} naming the field. */
    public static SlaPolicy parse(JsonNode node) {
        requireObject(node, "sla");
        onlyFields(node, "sla", Set.of("v", "calendar", "defaults", "types"));
        // canConvertToInt: asInt keeps the low 32 bits, so v=4294967297 would pass as 1 (found by the fuzz contract).
        if (node.path("v").asInt(-1) != 1 || !node.path("v").isIntegralNumber() || !node.path("v").canConvertToInt()) {
            throw new IllegalArgumentException("sla.v must be 1");
        }
        BusinessCalendar calendar = parseCalendar(node.path("calendar"));
        PartialTargets defaults = parseTargets(node.path("defaults"), "sla.defaults");
        if (defaults.firstResponse() == null || defaults.nextResponse() == null || defaults.resolution() == null) {
            throw new IllegalArgumentException("sla.defaults needs firstResponse, nextResponse and resolution");
        }
        Map<String, PartialTargets> byType = new HashMap<>();
        JsonNode types = node.path("types");
        if (!types.isMissingNode()) {
            requireObject(types, "sla.types");
            types.properties().forEach(e -> byType.put(e.getKey(), parseTargets(e.getValue(), "sla.types." + e.getKey())));
        }
        return new SlaPolicy(calendar, new SlaTargets(defaults.firstResponse(), defaults.nextResponse(),
                defaults.resolution()), byType);
    }

    private static BusinessCalendar parseCalendar(JsonNode node) {
        requireObject(node, "sla.calendar");
        onlyFields(node, "sla.calendar", Set.of("zone", "hours", "nationwideHolidays", "holidays"));
        ZoneId zone;
        try {
            zone = ZoneId.of(node.path("zone").asText(""));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("sla.calendar.zone is not a time zone: " + node.path("zone"));
        }
        JsonNode hoursNode = node.path("hours");
        requireObject(hoursNode, "sla.calendar.hours");
        Map<DayOfWeek, BusinessCalendar.Window> hours = new EnumMap<>(DayOfWeek.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = hoursNode.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = "sla.calendar.hours." + entry.getKey();
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ": not a weekday (monday ... sunday)");
            }
            String[] range = entry.getValue().asText("").split("-");
            try {
                hours.put(day, new BusinessCalendar.Window(LocalTime.parse(range[0].strip()),
                        LocalTime.parse(range[1].strip())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(field + " must look like \"08:00-16:00\": " + entry.getValue());
            }
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (JsonNode holiday : node.path("holidays")) {
            try {
                holidays.add(LocalDate.parse(holiday.asText("")));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("sla.calendar.holidays: not a date (YYYY-MM-DD): " + holiday);
            }
        }
        JsonNode nationwide = node.path("nationwideHolidays");
        if (!nationwide.isMissingNode() && !nationwide.isBoolean()) {
            throw new IllegalArgumentException("sla.calendar.nationwideHolidays must be true or false");
        }
        return new BusinessCalendar(zone, hours, holidays, nationwide.asBoolean(true));
    }

    private static PartialTargets parseTargets(JsonNode node, String where) {
        requireObject(node, where);
        onlyFields(node, where, Set.of("firstResponse", "nextResponse", "resolution"));
        return new PartialTargets(duration(node, "firstResponse", where), duration(node, "nextResponse", where),
                duration(node, "resolution", where));
    }

    private static Duration duration(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode()) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value.asText(""));
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(where + "." + field + " must be positive");
            }
            return duration;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + "." + field + " must be an ISO-8601 duration like PT8H: " + value);
        }
    }

    private static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
    }

    private static void onlyFields(JsonNode node, String where, Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field \"" + name + "\"");
            }
        });
    }
}
