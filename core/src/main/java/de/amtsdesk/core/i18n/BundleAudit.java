package de.amtsdesk.core.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Compares the German base bundle with its English translation file by file (not through ResourceBundle, whose
 * parent chain would hide a missing English key behind the German one). Used by every module's tests.
 */
public final class BundleAudit {

    private BundleAudit() {
    }

    /** @return human-readable problems; empty when both languages carry the same non-blank keys */
    public static List<String> problems(String baseName, ClassLoader loader) {
        String path = baseName.replace('.', '/');
        Properties german = read(loader, path + ".properties");
        Properties english = read(loader, path + "_en.properties");
        List<String> problems = new ArrayList<>();
        if (german == null || english == null) {
            problems.add(baseName + ": German or English file missing");
            return problems;
        }
        TreeSet<String> keys = new TreeSet<>(german.stringPropertyNames());
        keys.addAll(english.stringPropertyNames());
        for (String key : keys) {
            if (german.getProperty(key, "").isBlank()) {
                problems.add(baseName + ": German text missing for " + key);
            }
            if (english.getProperty(key, "").isBlank()) {
                problems.add(baseName + ": English text missing for " + key);
            }
        }
        return problems;
    }

    private static Properties read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
