package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** --help and --version are answered on the console before JavaFX starts, in the language --lang asks for. */
class LauncherTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private OptionalInt console(String... args) {
        return Launcher.console(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpInEnglishNamesTheOptionsTheLogFolderAndTheDataFolder() {
        assertThat(console("--lang=en", "--help")).hasValue(0);
        assertThat(out()).startsWith("Usage: amtsdesk [--homeserver=ADDRESS]")
                .contains("       amtsdesk doctor --help")
                .contains("--high-contrast")
                .contains("(default: " + AppOptions.defaultDataDir() + ")")
                .contains("Log files: " + LogLocation.directory());
    }

    @Test
    void helpInGermanWithTheShortForm() {
        assertThat(console("-h", "--lang=de")).hasValue(0);
        assertThat(out()).startsWith("Aufruf: amtsdesk").contains("Protokolldateien: " + LogLocation.directory());
    }

    @Test
    void versionPrintsTheVersion() {
        assertThat(console("--version")).hasValue(0);
        assertThat(out()).startsWith("Amtsdesk " + AppVersion.current());
    }

    @Test
    void anythingElseStartsTheWindow() {
        assertThat(console("--lang=en", "--homeserver=https://matrix.example.org")).isEmpty();
        assertThat(out()).isEmpty();
    }

    @Test
    void highContrastIsAnOptionThatSurvivesTheRoundTripThroughJavaFx() {
        AppOptions options = AppOptions.parse("--high-contrast", "--lang=en");
        assertThat(options.highContrast()).isTrue();
        assertThat(AppOptions.parse(options.toArgs()).highContrast()).isTrue();
        assertThat(AppOptions.parse("--lang=en").highContrast()).isFalse();
    }

    @Test
    void doctorIsFoundAlsoAfterOptions() {
        assertThat(Launcher.doctorArgs(new String[] {"doctor", "--lang=en"})).hasValueSatisfying(a ->
                assertThat(a).containsExactly("--lang=en"));
        assertThat(Launcher.doctorArgs(new String[] {"--lang=en", "doctor", "--homeserver=x"})).hasValueSatisfying(a ->
                assertThat(a).containsExactly("--lang=en", "--homeserver=x"));
        assertThat(Launcher.doctorArgs(new String[] {"--lang=en"})).isEmpty();
        assertThat(Launcher.doctorArgs(new String[] {"--lang", "en", "doctor"})).as("'en' is the first word: not the doctor")
                .isEmpty();
    }
}
