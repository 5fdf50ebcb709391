package de.amtsdesk.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code policy.json}: one JSON object, UTF-8, at most {@link #MAX_BYTES}. A missing file is no policy and no warning;
 * anything else that is not such a file (a directory, a symlink loop, a device, too large, not UTF-8, not JSON) is one
 * warning naming the file, and nothing from it applies.
 */
public final class JsonPolicyFile implements PolicySource {

    public static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path path;

    public JsonPolicyFile(Path path) {
        this.path = path;
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public Map<String, Object> read(List<String> warnings) {
        // Present at all? Without following links, so a dangling link or a loop is reported, not taken as absent.
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        if (!Files.isRegularFile(path)) {
            warnings.add("policy file " + path + " ignored: not a regular file (directory, device, dangling link or"
                    + " link loop)");
            return Map.of();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            // Read one byte past the limit instead of trusting the size: the file may grow while it is read.
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            warnings.add("policy file " + path + " ignored: not readable (" + e.getClass().getSimpleName() + ")");
            return Map.of();
        }
        if (bytes.length > MAX_BYTES) {
            warnings.add("policy file " + path + " ignored: larger than " + MAX_BYTES + " bytes");
            return Map.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            warnings.add("policy file " + path + " ignored: not UTF-8");
            return Map.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Notepad's byte order mark
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            warnings.add("policy file " + path + " ignored: not valid JSON");
            return Map.of();
        }
        if (root == null || !root.isObject()) {
            warnings.add("policy file " + path + " ignored: not a JSON object");
            return Map.of();
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            raw.put(field.getKey(), plain(field.getValue()));
        }
        return raw;
    }

    /** JSON to the loader's raw types; anything else stays a JsonNode, which no key accepts. */
    private static Object plain(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        return node;
    }
}
