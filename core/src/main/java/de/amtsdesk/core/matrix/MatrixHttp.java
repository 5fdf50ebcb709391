package de.amtsdesk.core.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * JSON over HTTP to one homeserver, with every failure turned into a {@link MatrixException} that says what
 * kind of problem it is. Bodies and tokens are never logged.
 */
final class MatrixHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final HomeserverUrl homeserver;

    MatrixHttp(HomeserverUrl homeserver) {
        this.homeserver = homeserver;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    HomeserverUrl homeserver() {
        return homeserver;
    }

    JsonNode get(String path, String accessToken, Duration timeout) throws MatrixException {
        return send(request(path, accessToken, timeout).GET().build());
    }

    JsonNode post(String path, String accessToken, Object body, Duration timeout) throws MatrixException {
        return send(request(path, accessToken, timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body)))
                .build());
    }

    JsonNode put(String path, String accessToken, Object body, Duration timeout) throws MatrixException {
        return send(request(path, accessToken, timeout)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body)))
                .build());
    }

    /** For requests prepared elsewhere (the crypto machine's outgoing requests): method, path and body as given. */
    JsonNode sendRaw(String method, String path, String accessToken, String bodyJson, Duration timeout)
            throws MatrixException {
        HttpRequest.BodyPublisher body = bodyJson == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(bodyJson);
        return send(request(path, accessToken, timeout)
                .header("Content-Type", "application/json")
                .method(method, body)
                .build());
    }

    JsonNode upload(String path, String accessToken, String contentType, byte[] bytes, Duration timeout)
            throws MatrixException {
        return send(request(path, accessToken, timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    }

    byte[] download(String path, String accessToken, Duration timeout) throws MatrixException {
        HttpRequest request = request(path, accessToken, timeout).header("Accept", "*/*").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new MatrixException(MatrixFailure.UNREACHABLE, "cannot download: " + e.getClass().getSimpleName(),
                    homeserver.toString(), null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MatrixException(MatrixFailure.UNREACHABLE, "interrupted", homeserver.toString(), null, null, e);
        }
        if (response.statusCode() / 100 != 2) {
            interpret(request.uri(), response.statusCode(), new String(response.body(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /**
     * A GET whose JSON answer is read as it arrives, for answers too big to hold as a tree (a key backup of 100,000
     * room keys is about 70 MB). A failure status is classified like any other answer; a body the reader cannot
     * read is {@link MatrixFailure#MALFORMED_RESPONSE}.
     */
    <T> T getStreamed(String path, String accessToken, Duration timeout, StreamedBodyReader<T> reader)
            throws MatrixException {
        HttpRequest request = request(path, accessToken, timeout).GET().build();
        HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new MatrixException(MatrixFailure.UNREACHABLE, "cannot connect: " + e.getClass().getSimpleName(),
                    homeserver.toString(), null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MatrixException(MatrixFailure.UNREACHABLE, "interrupted", homeserver.toString(), null, null, e);
        }
        try (java.io.InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                interpret(request.uri(), response.statusCode(),
                        new String(body.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8));
            }
            return reader.read(body);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "answer is not the expected JSON: "
                    + e.getOriginalMessage(), origin(request.uri()), null, null, e);
        } catch (IOException e) {
            throw new MatrixException(MatrixFailure.UNREACHABLE, "connection lost while reading: "
                    + e.getClass().getSimpleName(), homeserver.toString(), null, null, e);
        }
    }

    private HttpRequest.Builder request(String path, String accessToken, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(homeserver.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return builder;
    }

    private JsonNode send(HttpRequest request) throws MatrixException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new MatrixException(MatrixFailure.UNREACHABLE, "request timed out", homeserver.toString(), null,
                    null, e);
        } catch (IOException e) {
            throw new MatrixException(MatrixFailure.UNREACHABLE, "cannot connect: " + e.getClass().getSimpleName(),
                    homeserver.toString(), null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MatrixException(MatrixFailure.UNREACHABLE, "interrupted", homeserver.toString(), null, null,
                    e);
        }
        return interpret(request.uri(), response.statusCode(), response.body());
    }

    /** Visible for tests: classification of a raw response, independent of the network. */
    static JsonNode interpret(URI uri, int status, String body) throws MatrixException {
        JsonNode json = parseOrNull(body);
        if (status >= 200 && status < 300) {
            if (json == null || !json.isObject()) {
                throw new MatrixException(MatrixFailure.NOT_A_HOMESERVER, "answer is not Matrix JSON", origin(uri));
            }
            return json;
        }
        String errcode = json != null ? json.path("errcode").asText(null) : null;
        String error = json != null ? json.path("error").asText("") : "";
        if (errcode == null) {
            if (status >= 500) {
                throw new MatrixException(MatrixFailure.SERVER_ERROR, "HTTP " + status, origin(uri));
            }
            throw new MatrixException(MatrixFailure.NOT_A_HOMESERVER, "HTTP " + status + " without Matrix error",
                    origin(uri));
        }
        Long retryAfter = json.has("retry_after_ms") ? json.get("retry_after_ms").asLong() : null;
        MatrixFailure failure = switch (errcode) {
            case "M_FORBIDDEN", "M_USER_DEACTIVATED" -> status == 403 && uri.getPath().endsWith("/login")
                    ? MatrixFailure.WRONG_CREDENTIALS : MatrixFailure.REQUEST_REJECTED;
            // Spec "Soft logout": without soft_logout the device is gone and its keys with it (hard logout).
            case "M_UNKNOWN_TOKEN" -> json.path("soft_logout").asBoolean(false) ? MatrixFailure.SESSION_EXPIRED
                    : MatrixFailure.TOKEN_REVOKED;
            // No token sent at all is our own bug, never proof that the device is gone: keep its keys.
            case "M_MISSING_TOKEN" -> MatrixFailure.SESSION_EXPIRED;
            case "M_LIMIT_EXCEEDED" -> MatrixFailure.RATE_LIMITED;
            default -> status >= 500 ? MatrixFailure.SERVER_ERROR : MatrixFailure.REQUEST_REJECTED;
        };
        throw new MatrixException(failure, errcode + " " + error, origin(uri), errcode, retryAfter, null);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static JsonNode parseOrNull(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be serialised", e);
        }
    }
}
