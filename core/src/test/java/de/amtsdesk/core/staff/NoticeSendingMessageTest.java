package de.amtsdesk.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The text that goes with a sent notice, in the caseworker's language whatever the machine's default locale is. */
class NoticeSendingMessageTest {

    @Test
    void germanForGermanEnglishForEnglishRegardlessOfTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(NoticeSending.defaultMessage(Locale.GERMAN, "Bescheid Wohngeld", "WG-2026-00001"))
                    .isEqualTo("Guten Tag, anbei erhalten Sie den Bescheid „Bescheid Wohngeld“ zu Ihrem Anliegen "
                            + "WG-2026-00001. Das PDF ist elektronisch signiert; bitte bewahren Sie es auf.");
            Locale.setDefault(Locale.GERMAN);
            assertThat(NoticeSending.defaultMessage(Locale.ENGLISH, "Decision", "WG-2026-00001"))
                    .startsWith("Hello, please find attached the notice “Decision” on your request WG-2026-00001.");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
