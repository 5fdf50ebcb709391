package de.amtsdesk.core.matrix;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A homeserver base URL as the caseworker or the admin typed it, checked and normalised once. */
public record HomeserverUrl(URI uri) {

    public HomeserverUrl {
        if (uri == null) {
            throw new IllegalArgumentException("uri");
        }
    }

    /**
     * Accepts what people actually type ("matrix.example.org", "https://matrix.example.org/") and rejects
     * what can never be a homeserver, with the reason kept for the UI.
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
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return new HomeserverUrl(new URI(scheme, null, uri.getHost(), uri.getPort(), path, null, null));
        } catch (URISyntaxException e) {
            throw new MatrixException(MatrixFailure.INVALID_URL, "malformed URL", text);
        }
    }

    public URI resolve(String apiPath) {
        return URI.create(uri + apiPath);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
