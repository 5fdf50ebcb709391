package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bundle keys against the code that uses them (app/src/main: Java and FXML): every key the code names must exist in
 * German and English, and every key in the bundles must be named somewhere, so dead texts do not pile up and go on
 * being translated. A key is "named" by a string literal in Java (a key-shaped literal in one of the bundles' key
 * families, e.g. {@code "rooms.status.connected"}) or by {@code %key} in FXML.
 *
 * <p>Keys built at run time are allowed only through {@link #DYNAMIC_PREFIXES}: each prefix must itself appear as a
 * literal in the code (so removing that code also removes the allowance), and keys under it count as used.
 */
class BundleUsageTest {

    /** Key families built from an enum or a server value: {@code "conversation.state." + sendState.name()} etc. */
    static final Set<String> DYNAMIC_PREFIXES = Set.of(
            "conversation.state.",        // + TimelineEntry.SendState
            "conversation.internal.",     // + TimelineEntry.Kind of the woven-in staff-room lines
            "conversation.failed.",       // + the outbox's problem code
            "conversation.trust.",        // + MessageTrust + .marker/.label/.detail
            "conversation.undecryptable.", // + the decryption problem
            "audit.action.",              // + the last segment of the staff event type
            "audit.field.",               // + the audited field name (CaseDiff)
            "queue.hit.",                 // + SearchIndexRepository.Kind
            "notice.stage.",              // + NoticeEditorViewModel.Stage
            "notice.keyKind.",            // + NoticeEditorViewModel.KeyKind
            "lead.macros.status."         // + CaseStatus.wireName() a macro may set
    );
    private static final Path MAIN = Path.of("src", "main");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+\\.?)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
    private static final List<String> BUNDLES = List.of("de/amtsdesk/app/messages", "de/amtsdesk/app/doctor/messages");

    private static Set<String> keysOnClasspath(String resource) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = BundleUsageTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(java.util.Objects.requireNonNull(in, resource),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }

    @Test
    void everyKeyTheCodeNamesExistsInGermanAndEnglishAndEveryKeyIsNamed() throws IOException {
        Set<String> german = new TreeSet<>();
        Set<String> english = new TreeSet<>();
        for (String bundle : BUNDLES) {
            german.addAll(keys(bundle + ".properties"));
            english.addAll(keys(bundle + "_en.properties"));
        }
        Set<String> families = new TreeSet<>();
        german.forEach(key -> families.add(key.substring(0, key.indexOf('.') + 1)));

        Set<String> named = new TreeSet<>();
        Set<String> prefixesInCode = new TreeSet<>();
        for (Path file : sources()) {
            String source = Files.readString(file);
            Matcher literal = (file.toString().endsWith(".fxml") ? FXML_KEY : LITERAL).matcher(source);
            while (literal.find()) {
                String key = literal.group(1);
                if (families.stream().noneMatch(key::startsWith)) {
                    continue;   // a property name, resource path or event type, not a text
                }
                if (key.endsWith(".")) {
                    prefixesInCode.add(key);
                } else {
                    named.add(key);
                }
            }
        }

        List<String> problems = new ArrayList<>();
        for (String prefix : prefixesInCode) {
            if (!DYNAMIC_PREFIXES.contains(prefix)) {
                problems.add("key built at run time from \"" + prefix + "\": add it to DYNAMIC_PREFIXES with a reason");
            }
        }
        // The workspace also reads the case model's texts from core (case.status.*, case.filter.*, sla.*).
        Set<String> coreGerman = keysOnClasspath("de/amtsdesk/core/cases/messages.properties");
        Set<String> coreEnglish = keysOnClasspath("de/amtsdesk/core/cases/messages_en.properties");
        for (String key : named) {
            if (!german.contains(key) && coreGerman.contains(key) && coreEnglish.contains(key)) {
                continue;
            }
            if (!german.contains(key)) {
                problems.add("named in code, missing in German: " + key);
            }
            if (!english.contains(key)) {
                problems.add("named in code, missing in English: " + key);
            }
        }
        for (String key : german) {
            boolean dynamic = prefixesInCode.stream().anyMatch(key::startsWith);
            if (!named.contains(key) && !dynamic) {
                problems.add("in the bundle but used nowhere: " + key);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(named).as("the scan found the code").contains("rooms.status.connected", "login.submit");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".fxml")).toList();
        }
    }

    private static Set<String> keys(String resource) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(BundleUsageTest.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames();
    }
}
