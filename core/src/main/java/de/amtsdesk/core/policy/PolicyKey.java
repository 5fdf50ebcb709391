package de.amtsdesk.core.policy;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The allow-list: every setting an administrator may lock, with its type and validation. Nothing else is read. The
 * {@link #key()} is both the JSON key in {@code policy.json} and the value name under
 * {@code HKLM\Software\Policies\Amtsdesk} (the ADMX template writes exactly these names; a test keeps them aligned).
 */
public enum PolicyKey {
    /** The homeserver; locks the login screen's field. An https URL. */
    HOMESERVER("homeserver", Kind.STRING),
    /** The agency's functional account, a Matrix user ID. */
    FUNCTIONAL_ACCOUNT("functionalAccount", Kind.STRING),
    ALLOW_POLLS("allowPolls", Kind.BOOLEAN),
    ALLOW_FILES("allowFiles", Kind.BOOLEAN),
    ALLOW_NOTICES("allowNotices", Kind.BOOLEAN),
    /** Minutes without input before the workstation locks; 0 = never. */
    IDLE_LOCK_MINUTES("idleLockMinutes", Kind.INTEGER),
    LOG_DIRECTORY("logDirectory", Kind.STRING),
    LOG_LEVEL("logLevel", Kind.STRING),
    /** An HTTP proxy, {@code host:port}. */
    PROXY("proxy", Kind.STRING),
    /** The RFC 3161 time-stamping authority for PDF notices, an https URL. */
    TSA_URL("tsaUrl", Kind.STRING),
    /** Certificate files trusted as anchors when PDF signatures are checked. */
    PDF_TRUST_ANCHORS("pdfTrustAnchors", Kind.STRING_LIST),
    UPDATE_CHANNEL("updateChannel", Kind.STRING);

    /** The types a raw value must have before it is checked. */
    public enum Kind { STRING, BOOLEAN, INTEGER, STRING_LIST }

    public static final int IDLE_LOCK_MAX = 1440;
    public static final List<String> LOG_LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG");
    public static final List<String> UPDATE_CHANNELS = List.of("stable", "none");
    private static final int MAX_TEXT = 2048;
    private static final int MAX_LIST = 64;
    private static final Pattern USER_ID =
            Pattern.compile("@[a-z0-9._=/+\\-]{1,200}:[A-Za-z0-9.\\-]{1,230}(:[0-9]{1,5})?");
    private static final Pattern HOST = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)*");

    private final String key;
    private final Kind kind;

    PolicyKey(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    /** The JSON key and registry value name. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<PolicyKey> byKey(String name, boolean ignoreCase) {
        for (PolicyKey k : values()) {
            if (ignoreCase ? k.key.equalsIgnoreCase(name) : k.key.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The checked, normalised value, or why {@code raw} is refused. Raw values are what a source hands over: String,
     * Boolean, Integer/Long, List of Strings; registry DWORDs 0/1 count as booleans.
     */
    public Checked check(Object raw) {
        return switch (kind) {
            case BOOLEAN -> raw instanceof Boolean b ? Checked.ok(b)
                    : raw instanceof Integer i && (i == 0 || i == 1) ? Checked.ok(i == 1)
                    : Checked.refused("expected a boolean (true/false, or DWORD 0/1)");
            case INTEGER -> checkInteger(raw);
            case STRING -> raw instanceof String s ? checkText(s) : Checked.refused("expected a string");
            case STRING_LIST -> checkList(raw);
        };
    }

    private Checked checkInteger(Object raw) {
        if (!(raw instanceof Integer || raw instanceof Long)) {
            return Checked.refused("expected a whole number");
        }
        long n = ((Number) raw).longValue();
        // Only idle-lock minutes are numbers today.
        return n >= 0 && n <= IDLE_LOCK_MAX ? Checked.ok((int) n)
                : Checked.refused("out of range 0.." + IDLE_LOCK_MAX + ": " + n);
    }

    private Checked checkList(Object raw) {
        if (!(raw instanceof List<?> list)) {
            return Checked.refused("expected a list of file paths");
        }
        if (list.size() > MAX_LIST) {
            return Checked.refused("more than " + MAX_LIST + " entries");
        }
        List<String> paths = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof String s)) {
                return Checked.refused("expected a list of file paths, found a " + typeName(element));
            }
            Optional<String> problem = pathProblem(s);
            if (problem.isPresent()) {
                return Checked.refused(problem.get());
            }
            paths.add(s);
        }
        return Checked.ok(List.copyOf(paths));
    }

    private Checked checkText(String s) {
        if (s.length() > MAX_TEXT) {
            return Checked.refused("longer than " + MAX_TEXT + " characters");
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            return Checked.refused("contains control characters");
        }
        String v = s.strip();
        return switch (this) {
            case HOMESERVER, TSA_URL -> httpsUrl(v).map(Checked::refused).orElseGet(() -> Checked.ok(v));
            case FUNCTIONAL_ACCOUNT -> USER_ID.matcher(v).matches() && v.length() <= 255 ? Checked.ok(v)
                    : Checked.refused("not a Matrix user ID (@name:server)");
            case LOG_DIRECTORY -> pathProblem(v).map(Checked::refused).orElseGet(() -> Checked.ok(v));
            case LOG_LEVEL -> LOG_LEVELS.contains(v.toUpperCase(Locale.ROOT)) ? Checked.ok(v.toUpperCase(Locale.ROOT))
                    : Checked.refused("not one of " + LOG_LEVELS);
            case PROXY -> proxyProblem(v).map(Checked::refused).orElseGet(() -> Checked.ok(v));
            case UPDATE_CHANNEL -> UPDATE_CHANNELS.contains(v) ? Checked.ok(v)
                    : Checked.refused("not one of " + UPDATE_CHANNELS);
            default -> Checked.refused("expected a " + kind.name().toLowerCase(Locale.ROOT));
        };
    }

    private static Optional<String> httpsUrl(String v) {
        try {
            URI uri = new URI(v);
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                return Optional.of("not an https URL");
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return Optional.of("not a plain https URL (host required; no user, query or fragment)");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
    }

    private static Optional<String> pathProblem(String v) {
        if (v.isBlank()) {
            return Optional.of("empty path");
        }
        try {
            // Absolute on either system: C:\..., \\server\share or /...
            boolean absolute = Path.of(v).isAbsolute() || v.matches("(?s)[A-Za-z]:[\\\\/].*") || v.startsWith("\\\\")
                    || v.startsWith("/");
            return absolute ? Optional.empty() : Optional.of("not an absolute path");
        } catch (InvalidPathException e) {
            return Optional.of("not a path");
        }
    }

    private static Optional<String> proxyProblem(String v) {
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.of("not host:port");
        }
        String host = v.substring(0, colon);
        String port = v.substring(colon + 1);
        boolean hostOk = HOST.matcher(host).matches() && host.length() <= 253
                || host.startsWith("[") && host.endsWith("]") && host.substring(1, host.length() - 1)
                        .matches("[0-9A-Fa-f:.]{2,45}");
        if (!hostOk) {
            return Optional.of("not host:port (bad host)");
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            return Optional.of("not host:port (port 1..65535)");
        }
        return Optional.empty();
    }

    static String typeName(Object raw) {
        return raw == null ? "null" : raw.getClass().getSimpleName();
    }

    /** A checked value ({@code value} set) or the reason it was refused. */
    public record Checked(Object value, String problem) {
        static Checked ok(Object value) {
            return new Checked(value, null);
        }

        static Checked refused(String problem) {
            return new Checked(null, problem);
        }

        public boolean accepted() {
            return problem == null;
        }
    }
}
