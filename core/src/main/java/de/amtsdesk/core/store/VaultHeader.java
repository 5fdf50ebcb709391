package de.amtsdesk.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The only unencrypted file of a vault ({@code vault.json}): format version, Argon2id cost and salt, and the
 * random data key wrapped with AES-256-GCM under the master key. None of it helps an attacker without the
 * passphrase; all of it is needed before the passphrase can be checked.
 *
 * <p>The associated data of the GCM wrap covers the format, the KDF and its parameters and salt, so a header
 * whose parameters were swapped does not decrypt. The {@code checksum} (SHA-256 over the same data plus nonce
 * and wrapped key) only separates accidental damage ({@code CORRUPT}) from a wrong passphrase; an attacker
 * could recompute it, which is fine because GCM still stops them.
 */
record VaultHeader(int version, Argon2idParameters cost, byte[] salt, byte[] nonce, byte[] wrappedKey) {

    static final String FILE_NAME = "vault.json";
    static final String FORMAT = "amtsdesk-vault";
    static final int CURRENT_VERSION = 1;
    private static final String KDF = "argon2id";
    private static final int ARGON2_VERSION = 0x13;
    private static final String WRAP = "AES-256-GCM";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the GCM tag binds the wrapped key to. Stable text, so the bytes do not depend on JSON layout. */
    byte[] associatedData() {
        String text = FORMAT + "/" + version + "/" + KDF + "/" + ARGON2_VERSION + "/m=" + cost.memoryKiB() + "/t="
                + cost.iterations() + "/p=" + cost.parallelism() + "/salt=" + b64(salt);
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] checksum() {
        return VaultCrypto.sha256(associatedData(), nonce, wrappedKey);
    }

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", version);
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("algorithm", KDF);
        kdf.put("argon2Version", ARGON2_VERSION);
        kdf.put("memoryKiB", cost.memoryKiB());
        kdf.put("iterations", cost.iterations());
        kdf.put("parallelism", cost.parallelism());
        kdf.put("salt", b64(salt));
        ObjectNode dataKey = root.putObject("dataKey");
        dataKey.put("algorithm", WRAP);
        dataKey.put("nonce", b64(nonce));
        dataKey.put("wrapped", b64(wrappedKey));
        root.put("checksum", b64(checksum()));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the vault header", e);
        }
    }

    /**
     * Reads and checks a header. Anything unexpected is {@code CORRUPT}, except a well-formed header of another
     * version, which is {@code UNSUPPORTED_VERSION} so the UI can say "made by a newer Amtsdesk".
     */
    static VaultHeader parse(byte[] bytes, Path directory) throws VaultException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw corrupt(directory, "the header is not JSON");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw corrupt(directory, "the header is not an Amtsdesk vault header");
        }
        JsonNode versionNode = root.path("version");
        if (!versionNode.canConvertToInt()) {
            throw corrupt(directory, "the header has no format version");
        }
        int version = versionNode.intValue();
        if (version != CURRENT_VERSION) {
            throw new VaultException(VaultException.Kind.UNSUPPORTED_VERSION, directory,
                    "vault format version " + version + " is not supported (this build reads " + CURRENT_VERSION + ")");
        }
        JsonNode kdf = root.path("kdf");
        JsonNode dataKey = root.path("dataKey");
        if (!KDF.equals(kdf.path("algorithm").asText(null)) || kdf.path("argon2Version").asInt(-1) != ARGON2_VERSION
                || !WRAP.equals(dataKey.path("algorithm").asText(null))) {
            throw corrupt(directory, "the header names an unknown key derivation or wrapping");
        }
        Argon2idParameters cost = new Argon2idParameters(intField(kdf, "memoryKiB", directory),
                intField(kdf, "iterations", directory), intField(kdf, "parallelism", directory));
        if (!cost.withinReadableBounds()) {
            throw corrupt(directory, "the header's Argon2id parameters are out of range: " + cost);
        }
        byte[] salt = bytesField(kdf, "salt", directory);
        byte[] nonce = bytesField(dataKey, "nonce", directory);
        byte[] wrapped = bytesField(dataKey, "wrapped", directory);
        byte[] checksum = bytesField(root, "checksum", directory);
        if (salt.length < VaultCrypto.SALT_BYTES || salt.length > 64 || nonce.length != VaultCrypto.NONCE_BYTES
                || wrapped.length != VaultCrypto.KEY_BYTES + VaultCrypto.TAG_BITS / 8) {
            throw corrupt(directory, "the header's salt, nonce or wrapped key has the wrong length");
        }
        VaultHeader header = new VaultHeader(version, cost, salt, nonce, wrapped);
        if (!MessageDigest.isEqual(checksum, header.checksum())) {
            throw corrupt(directory, "the header's checksum does not match (damaged file)");
        }
        return header;
    }

    private static int intField(JsonNode parent, String name, Path directory) throws VaultException {
        JsonNode node = parent.path(name);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw corrupt(directory, "the header lacks " + name);
        }
        return node.intValue();
    }

    private static byte[] bytesField(JsonNode parent, String name, Path directory) throws VaultException {
        JsonNode node = parent.path(name);
        if (!node.isTextual()) {
            throw corrupt(directory, "the header lacks " + name);
        }
        try {
            return Base64.getDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw corrupt(directory, "the header's " + name + " is not Base64");
        }
    }

    private static VaultException corrupt(Path directory, String detail) {
        return new VaultException(VaultException.Kind.CORRUPT, directory, detail);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "VaultHeader[v" + version + ", " + cost + "]";
    }
}
