package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A message that sends the reader to "the log" says where the log is. */
class FailureMessagesLogTest {

    @Test
    void theUnexpectedAnswerNamesTheLogFolder() {
        for (Locale locale : new Locale[] {Locale.GERMAN, Locale.ENGLISH}) {
            Translations text = Translations.load("de.amtsdesk.app.messages", locale, getClass().getClassLoader());
            String message = new FailureMessages(text, Path.of("/var/log/amtsdesk"))
                    .describe(new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "x", "https://hs"));
            assertThat(message).contains("https://hs").contains("(/var/log/amtsdesk)");
        }
    }

    @Test
    void everyTextThatMentionsTheLogHasAPlaceForItsFolder() throws Exception {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            java.util.Properties bundle = new java.util.Properties();
            try (var in = getClass().getResourceAsStream("/de/amtsdesk/app/" + file)) {
                bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                if (value.contains("im Protokoll") || value.contains("in the log")) {
                    assertThat(value).as(file + " " + key).containsPattern("\\(\\{\\d}\\)");
                }
            }
        }
    }
}
