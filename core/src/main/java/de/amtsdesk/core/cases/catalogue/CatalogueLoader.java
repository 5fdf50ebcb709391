package de.amtsdesk.core.cases.catalogue;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a catalogue file (format in {@code catalogue/FORMAT.md}) and checks it strictly: known fields only, keys
 * well-formed and unique, every service's group present, both languages given. Streams through the file so each
 * problem names the line of its entry, which matters in a file of thousands of services.
 */
public final class CatalogueLoader {

    public static final String FORMAT = "amtsdesk-service-catalogue";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SERVICE_KEY = Pattern.compile(SEGMENT + "(\\." + SEGMENT + ")+");
    private static final Set<String> GROUP_FIELDS = Set.of("key", "de", "en");
    private static final Set<String> SERVICE_FIELDS = Set.of("key", "group", "de", "en");
    private static final int MAX_NAME = 200;
    private static final int MAX_KEY = 120;

    private CatalogueLoader() {
    }

    public static ServiceCatalogue load(Path file) throws IOException, CatalogueException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    public static ServiceCatalogue load(InputStream in, String source) throws IOException, CatalogueException {
        Reading reading = new Reading();
        try (JsonParser parser = JSON.createParser(in)) {
            reading.readDocument(parser);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            reading.problem(where == null ? 0 : where.getLineNr(), null, "not valid JSON: " + e.getOriginalMessage());
        } catch (CharConversionException e) {
            // Bytes in no encoding JSON allows (Jackson guesses UTF-32 from NUL bytes, then meets an invalid code
            // point) are a mistake in the file, not an I/O failure: report it like bad syntax (found by fuzzing).
            reading.problem(0, null, "not valid JSON text: " + e.getMessage());
        }
        reading.checkReferences();
        if (!reading.problems.isEmpty()) {
            throw new CatalogueException(source, reading.problems);
        }
        return new ServiceCatalogue(reading.id, reading.groups, reading.services);
    }

    /** State of one pass over a file. */
    private static final class Reading {
        final List<CatalogueProblem> problems = new ArrayList<>();
        final List<ServiceGroup> groups = new ArrayList<>();
        final List<PublicService> services = new ArrayList<>();
        final Map<String, Integer> groupLines = new HashMap<>();
        final Map<String, Integer> serviceLines = new HashMap<>();
        final Map<PublicService, Integer> linesOfServices = new HashMap<>();
        String id = "unnamed";
        boolean sawFormat;
        boolean sawVersion;

        void problem(int line, String key, String message) {
            problems.add(new CatalogueProblem(line, key, message));
        }

        void readDocument(JsonParser parser) throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problem(line(parser), null, "the file must be one JSON object");
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int line = line(parser);
                parser.nextToken();
                switch (field) {
                    case "format" -> {
                        sawFormat = true;
                        if (!FORMAT.equals(parser.getValueAsString())) {
                            problem(line, null, "\"format\" must be \"" + FORMAT + "\"");
                        }
                    }
                    case "v" -> {
                        sawVersion = true;
                        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != 1) {
                            problem(line, null, "\"v\" must be 1 (the only version this app reads)");
                        }
                    }
                    case "id" -> id = text(parser.readValueAsTree(), line, null, "id");
                    case "groups" -> readArray(parser, line, "groups", this::readGroup);
                    case "services" -> readArray(parser, line, "services", this::readService);
                    default -> {
                        problem(line, null, "unknown field \"" + field + "\"");
                        parser.skipChildren();
                    }
                }
            }
            if (!sawFormat) {
                problem(0, null, "\"format\": \"" + FORMAT + "\" is missing");
            }
            if (!sawVersion) {
                problem(0, null, "\"v\": 1 is missing");
            }
        }

        interface EntryReader {
            void read(JsonNode entry, int line);
        }

        void readArray(JsonParser parser, int line, String name, EntryReader reader) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                problem(line, null, "\"" + name + "\" must be an array");
                parser.skipChildren();
                return;
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int entryLine = line(parser);
                JsonNode entry = parser.readValueAsTree();
                if (entry == null || !entry.isObject()) {
                    problem(entryLine, null, "each entry of \"" + name + "\" must be an object");
                } else {
                    reader.read(entry, entryLine);
                }
            }
        }

        void readGroup(JsonNode entry, int line) {
            String key = entry.path("key").asText(null);
            unknownFields(entry, GROUP_FIELDS, line, key);
            if (!validKey(key, SEGMENT, line, "group key must be lower-case words joined by -")) {
                return;
            }
            String german = text(entry.get("de"), line, key, "de");
            String english = text(entry.get("en"), line, key, "en");
            Integer earlier = groupLines.putIfAbsent(key, line);
            if (earlier != null) {
                problem(line, key, "group key used twice (first on line " + earlier + ")");
            } else if (german != null && english != null) {
                groups.add(new ServiceGroup(key, german, english));
            }
        }

        void readService(JsonNode entry, int line) {
            String key = entry.path("key").asText(null);
            unknownFields(entry, SERVICE_FIELDS, line, key);
            if (!validKey(key, SERVICE_KEY, line, "service key must be dotted lower-case words like "
                    + "\"identity.id-card.apply\"")) {
                return;
            }
            String group = text(entry.get("group"), line, key, "group");
            String german = text(entry.get("de"), line, key, "de");
            String english = text(entry.get("en"), line, key, "en");
            Integer earlier = serviceLines.putIfAbsent(key, line);
            if (earlier != null) {
                problem(line, key, "service key used twice (first on line " + earlier + ")");
            } else if (group != null && german != null && english != null) {
                PublicService service = new PublicService(key, group, german, english);
                services.add(service);
                linesOfServices.put(service, line);
            }
        }

        /** Groups may come after services in the file, so references are checked at the end. */
        void checkReferences() {
            for (PublicService service : services) {
                if (!groupLines.containsKey(service.groupKey())) {
                    problem(linesOfServices.get(service), service.key(),
                            "group \"" + service.groupKey() + "\" does not exist");
                }
            }
            problems.sort(java.util.Comparator.comparingInt(CatalogueProblem::line));
        }

        boolean validKey(String key, Pattern pattern, int line, String rule) {
            if (key == null) {
                problem(line, null, "\"key\" is missing");
                return false;
            }
            if (key.length() > MAX_KEY || !pattern.matcher(key).matches()) {
                problem(line, key, rule);
                return false;
            }
            return true;
        }

        String text(JsonNode value, int line, String key, String field) {
            if (value == null || value.isNull()) {
                problem(line, key, "\"" + field + "\" is missing");
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                problem(line, key, "\"" + field + "\" must be non-empty text");
                return null;
            }
            String text = value.asText();
            if (!text.equals(text.strip()) || text.length() > MAX_NAME) {
                problem(line, key, "\"" + field + "\" must have no surrounding spaces and at most " + MAX_NAME
                        + " characters");
                return null;
            }
            return text;
        }

        void unknownFields(JsonNode entry, Set<String> allowed, int line, String key) {
            entry.fieldNames().forEachRemaining(name -> {
                if (!allowed.contains(name)) {
                    problem(line, key, "unknown field \"" + name + "\"");
                }
            });
        }

        static int line(JsonParser parser) {
            return parser.currentTokenLocation().getLineNr();
        }
    }
}
