package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JavaFX's ready-made dialog buttons speak the JVM's language, not the app's: no {@code ButtonType.OK} and friends,
 * no {@code Alert} that adds its own buttons (constructed without button types), no {@code TextInputDialog} or
 * {@code ChoiceDialog} that keeps its own OK/Cancel.
 */
class DialogTextsTest {

    private static final Pattern READY_MADE = Pattern.compile(
            "ButtonType\\.(OK|CANCEL|CLOSE|YES|NO|APPLY|FINISH|NEXT|PREVIOUS)\\b");
    /** new Alert(type) or new Alert(type, text): the Alert then adds OK/Cancel in the JVM's language. */
    private static final Pattern ALERT_WITHOUT_BUTTONS = Pattern.compile(
            "new\\s+(?:javafx\\.scene\\.control\\.)?Alert\\((?:[^(),]|\\([^()]*\\))*(?:,(?:[^(),]|\\([^()]*\\))*)?\\)");
    private static final Pattern OWN_BUTTON_DIALOG = Pattern.compile("new\\s+(TextInputDialog|ChoiceDialog)\\b");

    @Test
    void everyDialogUsesButtonsWithTheAppsTexts() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                // Comments may name the forbidden things (to say why they are forbidden).
                String source = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "");
                find(READY_MADE, source, file, problems);
                find(ALERT_WITHOUT_BUTTONS, source, file, problems);
                Matcher own = OWN_BUTTON_DIALOG.matcher(source);
                if (own.find() && !source.contains("getButtonTypes().setAll(")) {
                    problems.add(file + ": " + own.group() + " keeps its own OK/Cancel");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void thePatternsFindWhatTheyLookFor() {
        List<String> problems = new ArrayList<>();
        find(READY_MADE, "dialog.getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);", Path.of("x"), problems);
        find(ALERT_WITHOUT_BUTTONS, "new Alert(Alert.AlertType.ERROR, text.get(\"a\"))", Path.of("y"), problems);
        find(ALERT_WITHOUT_BUTTONS, "new Alert(Alert.AlertType.ERROR, text.get(\"a\"), Dialogs.ok(text))", Path.of("z"),
                problems);
        assertThat(problems).hasSize(3).noneMatch(p -> p.startsWith("z"));
    }

    private static void find(Pattern pattern, String source, Path file, List<String> problems) {
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            problems.add(file + ": " + matcher.group());
        }
    }
}
