package de.amtsdesk.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allow-list, precedence, and hostile input: each bad thing is one warning, the rest still applies. */
class PolicyLoaderTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            {"homeserver": "https://matrix.amt.example",
             "functionalAccount": "@buergerbuero:amt.example",
             "allowPolls": false, "allowFiles": true, "allowNotices": false,
             "idleLockMinutes": 5,
             "logDirectory": "/var/log/amtsdesk", "logLevel": "debug",
             "proxy": "proxy.amt.example:3128",
             "tsaUrl": "https://tsa.amt.example/tsr",
             "pdfTrustAnchors": ["/etc/amtsdesk/ca.pem", "/etc/amtsdesk/ca2.pem"],
             "updateChannel": "none"}
            """;

    private EffectivePolicy file(String json) throws Exception {
        return load(Files.writeString(dir.resolve("policy.json"), json));
    }

    private static EffectivePolicy load(Path file) {
        return PolicyLoader.load(List.of(new JsonPolicyFile(file)));
    }

    private Object value(EffectivePolicy policy, PolicyKey key) {
        return policy.get(key).map(PolicyValue::value).orElse(null);
    }

    @Test
    void everyAllowListedKeyIsReadWithItsSource() throws Exception {
        EffectivePolicy policy = file(VALID);
        assertThat(policy.warnings()).isEmpty();
        assertThat(policy.values()).hasSize(PolicyKey.values().length);
        assertThat(policy.homeserver()).contains("https://matrix.amt.example");
        assertThat(policy.idleLockMinutes()).contains(5);
        assertThat(policy.allows(PolicyKey.ALLOW_POLLS)).isFalse();
        assertThat(policy.allows(PolicyKey.ALLOW_FILES)).isTrue();
        assertThat(value(policy, PolicyKey.LOG_LEVEL)).isEqualTo("DEBUG");
        assertThat(value(policy, PolicyKey.PDF_TRUST_ANCHORS))
                .isEqualTo(List.of("/etc/amtsdesk/ca.pem", "/etc/amtsdesk/ca2.pem"));
        assertThat(policy.get(PolicyKey.PROXY).orElseThrow().source()).isEqualTo(dir.resolve("policy.json").toString());
        // The typed accessors the app applies the settings through.
        assertThat(policy.functionalAccount()).contains("@buergerbuero:amt.example");
        assertThat(policy.tsaUrl()).contains("https://tsa.amt.example/tsr");
        assertThat(policy.proxy()).contains(new ProxyAddress("proxy.amt.example", 3128));
        assertThat(policy.logDirectory()).contains("/var/log/amtsdesk");
        assertThat(policy.logLevel()).contains("DEBUG");
        assertThat(policy.pdfTrustAnchors()).containsExactly("/etc/amtsdesk/ca.pem", "/etc/amtsdesk/ca2.pem");
        assertThat(policy.allows(PolicyKey.ALLOW_NOTICES)).isFalse();
    }

    @Test
    void withoutAPolicyTheAccessorsAreEmptyAndEveryFeatureIsAllowed() {
        EffectivePolicy none = EffectivePolicy.NONE;
        assertThat(none.functionalAccount()).isEmpty();
        assertThat(none.proxy()).isEmpty();
        assertThat(none.pdfTrustAnchors()).isEmpty();
        assertThat(none.allows(PolicyKey.ALLOW_NOTICES)).isTrue();
    }

    @Test
    void aMissingFileIsNoPolicyAndNoWarning() {
        EffectivePolicy policy = load(dir.resolve("absent.json"));
        assertThat(policy.values()).isEmpty();
        assertThat(policy.warnings()).isEmpty();
        assertThat(policy.allows(PolicyKey.ALLOW_POLLS)).isTrue();
    }

    @Test
    void anUnknownKeyIsOneWarningAndTheRestApplies() throws Exception {
        EffectivePolicy policy = file("""
                {"homeserver": "https://matrix.amt.example", "autoUpdateUrl": "http://evil.example"}""");
        assertThat(policy.homeserver()).contains("https://matrix.amt.example");
        assertThat(policy.warnings()).singleElement().asString()
                .contains("\"autoUpdateUrl\"").contains("not a known setting");
    }

    @Test
    void wrongTypesAreOneWarningEach() throws Exception {
        EffectivePolicy policy = file("""
                {"allowPolls": "no", "idleLockMinutes": "5", "homeserver": 42, "pdfTrustAnchors": "/etc/ca.pem",
                 "proxy": {"host": "p"}, "tsaUrl": null, "allowFiles": 1.5, "logLevel": "WARN"}""");
        assertThat(policy.values()).extracting(PolicyValue::key).containsExactly(PolicyKey.LOG_LEVEL);
        assertThat(policy.warnings()).hasSize(7);
        for (String key : List.of("allowPolls", "idleLockMinutes", "homeserver", "pdfTrustAnchors", "proxy", "tsaUrl",
                "allowFiles")) {
            assertThat(policy.warnings()).filteredOn(w -> w.contains("\"" + key + "\"")).hasSize(1);
        }
    }

    @Test
    void outOfRangeAndInvalidValuesAreRefused() throws Exception {
        EffectivePolicy policy = file("""
                {"idleLockMinutes": 1441, "homeserver": "http://matrix.amt.example", "tsaUrl": "https://u@tsa.example",
                 "functionalAccount": "buergerbuero", "logLevel": "TRACE", "proxy": "proxy:99999",
                 "updateChannel": "beta", "logDirectory": "relative/logs", "pdfTrustAnchors": ["/ok.pem", 3],
                 "allowNotices": true}""");
        assertThat(policy.values()).extracting(PolicyValue::key).containsExactly(PolicyKey.ALLOW_NOTICES);
        assertThat(policy.warnings()).hasSize(9);
        assertThat(policy.warnings()).anySatisfy(w -> assertThat(w).contains("\"idleLockMinutes\"")
                .contains("out of range 0..1440"));
        assertThat(policy.warnings()).anySatisfy(w -> assertThat(w).contains("\"homeserver\"")
                .contains("not an https URL"));
    }

    @Test
    void rangeEndsAreAccepted() throws Exception {
        assertThat(file("{\"idleLockMinutes\": 0}").idleLockMinutes()).contains(0);
        assertThat(file("{\"idleLockMinutes\": 1440}").idleLockMinutes()).contains(1440);
        assertThat(file("{\"idleLockMinutes\": -1}").warnings()).hasSize(1);
    }

    @Test
    void invalidJsonIsOneWarningNamingTheFile() throws Exception {
        EffectivePolicy policy = file("{\"homeserver\": \"https://matrix.amt.example\",");
        assertThat(policy.values()).isEmpty();
        assertThat(policy.warnings()).singleElement().asString()
                .contains(dir.resolve("policy.json").toString()).contains("not valid JSON");
        assertThat(file("[1, 2]").warnings()).singleElement().asString().contains("not a JSON object");
        assertThat(file("{\"a\": 1} {\"b\": 2}").warnings()).singleElement().asString().contains("not valid JSON");
    }

    @Test
    void anOversizedFileIsNotRead() throws Exception {
        StringBuilder json = new StringBuilder("{\"homeserver\": \"https://matrix.amt.example\", \"x\": \"");
        json.append("a".repeat(JsonPolicyFile.MAX_BYTES)).append("\"}");
        EffectivePolicy policy = file(json.toString());
        assertThat(policy.values()).isEmpty();
        assertThat(policy.warnings()).singleElement().asString().contains("larger than 65536 bytes");
    }

    @Test
    void aDirectoryInsteadOfAFile() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("policy.json"));
        EffectivePolicy policy = load(directory);
        assertThat(policy.values()).isEmpty();
        assertThat(policy.warnings()).singleElement().asString().contains(directory.toString())
                .contains("not a regular file");
    }

    @Test
    void aSymlinkLoop() throws Exception {
        Path a = dir.resolve("policy.json");
        Path b = dir.resolve("other.json");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        EffectivePolicy policy = load(a);
        assertThat(policy.values()).isEmpty();
        assertThat(policy.warnings()).singleElement().asString().contains(a.toString()).contains("not a regular file");
    }

    @Test
    void aSymlinkToAGoodFileIsFollowed() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), VALID);
        Path link = Files.createSymbolicLink(dir.resolve("policy.json"), real);
        assertThat(load(link).homeserver()).contains("https://matrix.amt.example");
    }

    @Test
    void nonUtf8BytesAreOneWarning() throws Exception {
        byte[] latin1 = "{\"logDirectory\": \"/var/log/Beh\u00f6rde\"}".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("policy.json"), latin1);
        EffectivePolicy policy = load(file);
        assertThat(policy.values()).isEmpty();
        assertThat(policy.warnings()).singleElement().asString().contains(file.toString()).contains("not UTF-8");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        assertThat(file("\uFEFF{\"idleLockMinutes\": 3}").idleLockMinutes()).contains(3);
    }

    @Test
    void controlCharactersInAnUnknownKeyDoNotReachTheLog() throws Exception {
        EffectivePolicy policy = file("{\"evil\\nWARN forged line\": 1}");
        assertThat(policy.warnings()).singleElement().asString().doesNotContain("\n").contains("evil?WARN");
    }

    @Test
    void theRegistryWinsOverTheFileAndSaysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.json"), VALID);
        RegistryReader registry = key -> {
            assertThat(key).isEqualTo("Software\\Policies\\Amtsdesk");
            return Map.of("Homeserver", "https://gpo.amt.example", "allowPolls", 1, "idleLockMinutes", 15,
                    "pdfTrustAnchors", new String[] {"C:\\certs\\ca.pem"}, "updateChannel", 7);
        };
        EffectivePolicy policy = PolicyLoader.load(List.of(new RegistryPolicySource(registry), new JsonPolicyFile(file)));
        assertThat(policy.homeserver()).contains("https://gpo.amt.example");
        assertThat(policy.get(PolicyKey.HOMESERVER).orElseThrow().source())
                .isEqualTo("HKLM\\Software\\Policies\\Amtsdesk");
        assertThat(policy.allows(PolicyKey.ALLOW_POLLS)).isTrue();
        assertThat(policy.idleLockMinutes()).contains(15);
        assertThat(value(policy, PolicyKey.PDF_TRUST_ANCHORS)).isEqualTo(List.of("C:\\certs\\ca.pem"));
        // A refused registry value falls back to the file's value.
        assertThat(policy.get(PolicyKey.UPDATE_CHANNEL).orElseThrow().source()).isEqualTo(file.toString());
        assertThat(policy.warnings()).singleElement().asString().contains("\"updateChannel\"")
                .contains("HKLM\\Software\\Policies\\Amtsdesk");
    }

    @Test
    void anUnreadableRegistryIsOneWarningAndTheFileStillApplies() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.json"), "{\"idleLockMinutes\": 2}");
        RegistryReader broken = key -> {
            throw new IllegalStateException("access denied");
        };
        EffectivePolicy policy = PolicyLoader.load(List.of(new RegistryPolicySource(broken), new JsonPolicyFile(file)));
        assertThat(policy.idleLockMinutes()).contains(2);
        assertThat(policy.warnings()).singleElement().asString().contains("not readable");
    }

    @Test
    void sourcesPerSystem() {
        List<PolicySource> windows = PolicyLoader.sources("Windows 11", Map.of("ProgramData", "D:\\PD")::get,
                RegistryReader.NONE);
        assertThat(windows).extracting(PolicySource::name).hasSize(2)
                .first().isEqualTo("HKLM\\Software\\Policies\\Amtsdesk");
        assertThat(windows.get(1).name()).contains("D:\\PD").endsWith("policy.json");
        assertThat(PolicyLoader.sources("Windows Server 2022", k -> null, RegistryReader.NONE))
                .extracting(PolicySource::name).containsExactly("HKLM\\Software\\Policies\\Amtsdesk");
        assertThat(PolicyLoader.sources("Linux", k -> null, null)).extracting(PolicySource::name)
                .containsExactly("/etc/amtsdesk/policy.json");
    }

    @Test
    void registryNamesAreMatchedIgnoringCaseFileKeysExactly() throws Exception {
        assertThat(file("{\"HomeServer\": \"https://matrix.amt.example\"}").warnings()).singleElement().asString()
                .contains("not a known setting");
        assertThat(Arrays.stream(PolicyKey.values()).map(PolicyKey::key).distinct()).hasSize(PolicyKey.values().length);
    }

    @Test
    void eachWarningIsLoggedExactlyOnce() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(PolicyLoader.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            EffectivePolicy policy = file("""
                    {"idleLockMinutes": 9999, "colour": "red", "homeserver": "https://matrix.amt.example"}""");
            assertThat(policy.homeserver()).contains("https://matrix.amt.example");
            assertThat(appender.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .containsExactlyElementsOf(policy.warnings());
            assertThat(appender.list).hasSize(2)
                    .allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN));
            assertThat(policy.warnings()).anySatisfy(w -> assertThat(w).contains("\"idleLockMinutes\""))
                    .anySatisfy(w -> assertThat(w).contains("\"colour\""));
        } finally {
            logger.detachAppender(appender);
        }
    }
}
