package de.amtsdesk.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    @Test
    void germanIsTheDefaultEvenOnAnEnglishMachine() {
        assertThat(Translations.choose(null, Locale.US)).isEqualTo(Locale.ENGLISH);
        assertThat(Translations.choose(null, Locale.FRANCE)).isEqualTo(Locale.GERMAN);
        assertThat(Translations.choose("de", Locale.US)).isEqualTo(Locale.GERMAN);
        Locale.setDefault(Locale.US);
        assertThat(Translations.load("de.amtsdesk.core.doctor.messages", Locale.GERMAN).get("doctor.login.ok", "@a:b"))
                .isEqualTo("Anmeldung funktioniert als @a:b");
    }

    @Test
    void auditFindsAMissingTranslation() {
        assertThat(BundleAudit.problems("i18n-fixture.incomplete", getClass().getClassLoader()))
                .containsExactly("i18n-fixture.incomplete: English text missing for only.german");
    }

    @Test
    void everyBundleIsCompleteInBothLanguages() {
        assertThat(BundleAudit.problems("de.amtsdesk.core.doctor.messages", getClass().getClassLoader())).isEmpty();
    }
}
