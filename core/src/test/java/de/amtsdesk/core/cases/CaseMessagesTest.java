package de.amtsdesk.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.query.CaseFilter;
import de.amtsdesk.core.cases.sla.SlaClock;
import de.amtsdesk.core.i18n.BundleAudit;
import de.amtsdesk.core.i18n.Translations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CaseMessagesTest {

    private static final String BUNDLE = "de.amtsdesk.core.cases.messages";

    @Test
    void theBundleIsCompleteInBothLanguages() {
        assertThat(BundleAudit.problems(BUNDLE, getClass().getClassLoader())).isEmpty();
    }

    @Test
    void everyStatusFilterSlaStateAndRejectionHasAText() {
        List<String> keys = new ArrayList<>();
        for (CaseStatus status : CaseStatus.values()) {
            keys.add(status.messageKey());
        }
        for (CaseFilter filter : CaseFilter.values()) {
            keys.add(filter.messageKey());
        }
        for (SlaClock.State state : SlaClock.State.values()) {
            keys.add(state.messageKey());
        }
        for (Rejection rejection : Rejection.values()) {
            keys.add(rejection.messageKey());
        }
        for (Locale locale : Translations.SUPPORTED) {
            Translations texts = Translations.load(BUNDLE, locale);
            assertThat(keys).allSatisfy(key -> assertThat(texts.get(key)).as(key).doesNotStartWith("!"));
        }
        assertThat(Translations.load(BUNDLE, Locale.GERMAN).get(CaseStatus.WAITING.messageKey()))
                .isEqualTo("Wartet auf Rückmeldung");
    }
}
