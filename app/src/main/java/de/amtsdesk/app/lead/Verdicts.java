package de.amtsdesk.app.lead;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.i18n.Translations;
import java.util.List;
import java.util.Optional;

/** Puts what the fold made of a sent change into words: applied, or refused with the audited reason. */
public final class Verdicts {

    private final Translations caseText;

    public Verdicts(Translations caseText) {
        this.caseText = caseText;
    }

    /** The refusal's reason in words, or empty when the change was applied (or has not come back). */
    public Optional<String> refusal(List<AuditEntry> entries) {
        return entries.stream().filter(e -> !e.applied()).findFirst()
                .map(e -> caseText.get(e.rejection().messageKey()));
    }
}
