package de.amtsdesk.core.matrix;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A homeserver base URL as the caseworker or the admin typed it, checked and normalised once.
 *
 * <p>Only {@code https} is accepted: the access token and the password travel in every request, and an agency
 * network is no reason to trust the path to the server. Plain {@code http} is allowed for loopback addresses only
 * (127.0.0.0/8, ::1, {@code localhost}), where nothing leaves the machine: the tests and the demo run Synapse there.
 */
public record HomeserverUrl(URI uri) {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    public HomeserverUrl {
        if (uri == null) {
            throw new IllegalArgumentException("uri");
        }
    }

    /**
     * Accepts what people actually type ("matrix.example.org", "https://matrix.example.org/") and rejects
     * what can never be a homeserver, with the reason kept for the UI.
     *
     * @throws MatrixException {@link MatrixFailure#INVALID_URL} for something that is no URL,
     *     {@link MatrixFailure#INSECURE_URL} for {@code http://} to anything but this machine
     */
    public static HomeserverUrl parse(String text) throws MatrixException {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new MatrixException(MatrixFailure.INVALID_URL, "empty homeserver URL", trimmed);
        }
        if (!trimmed.contains("://")) {
            trimmed = "https://" + trimmed;
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new MatrixException(MatrixFailure.INVALID_URL, "not an http(s) URL", text);
            }
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                // A password in the URL would end up in logs; a query or fragment cannot be part of a base URL.
                throw new MatrixException(MatrixFailure.INVALID_URL, "user info, query or fragment in a base URL",
                        text);
            }
            if (scheme.equals("http") && !isLoopback(uri.getHost())) {
                throw new MatrixException(MatrixFailure.INSECURE_URL, "plain http is allowed for loopback only",
                        trimmed);
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return new HomeserverUrl(new URI(scheme, null, uri.getHost(), uri.getPort(), path, null, null));
        } catch (URISyntaxException e) {
            throw new MatrixException(MatrixFailure.INVALID_URL, "malformed URL", text);
        }
    }

    /**
     * Whether a URI host names this machine. Decided from the text alone: a host name other than
     * {@code localhost} is never resolved, because DNS could answer 127.0.0.1 today and something else tomorrow.
     */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (IPV4_LOOPBACK.matcher(h).matches()) {
            for (String part : h.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                // An IPv6 literal: getByName parses it without any lookup.
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** Whether requests to this server stay on this machine (then plain http was allowed). */
    public boolean loopback() {
        return isLoopback(uri.getHost());
    }

    public URI resolve(String apiPath) {
        return URI.create(uri + apiPath);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
