package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.i18n.BundleAudit;
import org.junit.jupiter.api.Test;

class TranslationsCompleteTest {

    @Test
    void germanAndEnglishCarryTheSameTexts() {
        for (String bundle : new String[] {"de.amtsdesk.app.messages", "de.amtsdesk.app.doctor.messages"}) {
            assertThat(BundleAudit.problems(bundle, getClass().getClassLoader())).as(bundle).isEmpty();
        }
    }
}
