package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure class becomes a real sentence in both languages, and the new fail-closed ones say what to do. */
class FailureMessagesTest {

    private static FailureMessages messages(String language) {
        return new FailureMessages(Translations.load("de.amtsdesk.app.messages", Locale.forLanguageTag(language),
                FailureMessagesTest.class.getClassLoader()));
    }

    private static String describe(String language, MatrixFailure failure, String subject) {
        return messages(language).describe(new MatrixException(failure, "detail", subject));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void everyFailureHasItsOwnTranslatedSentence(String language) {
        Set<String> seen = new HashSet<>();
        for (MatrixFailure failure : MatrixFailure.values()) {
            if (failure == MatrixFailure.MALFORMED_RESPONSE) {
                continue; // shares "unexpected answer" with REQUEST_REJECTED on purpose
            }
            String text = describe(language, failure, "https://hs.example");
            assertThat(text).as(failure.name()).isNotBlank().doesNotContainPattern("error\\.[a-zA-Z]")
                    .doesNotContain("{0}");
            assertThat(seen.add(text)).as("distinct text for " + failure).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void insecureAddressNamesTheAddressAndHttps(String language) {
        assertThat(describe(language, MatrixFailure.INSECURE_URL, "http://matrix.example.org"))
                .contains("http://matrix.example.org").contains("https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void softAndHardLogoutSayDifferentThings(String language) {
        String soft = describe(language, MatrixFailure.SESSION_EXPIRED, "https://hs.example");
        String hard = describe(language, MatrixFailure.TOKEN_REVOKED, "https://hs.example");
        assertThat(soft).isNotEqualTo(hard);
        assertThat(hard).contains(language.equals("de") ? "neues Gerät" : "new device");
        assertThat(soft).contains(language.equals("de") ? "keine Daten verloren" : "no data is lost");
    }
}
